package com.qualityreview.delivery.mail;

import java.io.UnsupportedEncodingException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import com.qualityreview.delivery.Delivery;
import com.qualityreview.reporting.ReportTexts;
import com.qualityreview.review.ReviewResult;

import org.springframework.core.io.FileSystemResource;
import org.springframework.mail.javamail.MimeMessageHelper;
import jakarta.mail.internet.InternetAddress;

/**
 * The email of one delivery, in the stakeholder's language: a subject naming period, scope and
 * rating; an HTML body with a plain-text alternative giving the headline figures and the
 * warnings (each new or in its nth period), those resolved since the previous review under their own
 * heading, and first, when the scope's data of the period is incomplete, the report's notice; the PDF of their scope attached; a Message-ID derived from the delivery.
 */
public final class DeliveryMessages {

    private static final Session SESSION = Session.getInstance(new Properties());

    private final ReviewResult result;
    private final Path folder;
    private final String from;
    private final String messageIdDomain;
    /** The wording of each language, built once and shared by the sending threads. */
    private final Map<Locale, ReportTexts> texts = new ConcurrentHashMap<>();

    public DeliveryMessages(ReviewResult result, Path folder, String from, String messageIdDomain) {
        this.result = result;
        this.folder = folder;
        this.from = from;
        this.messageIdDomain = messageIdDomain;
    }

    /** The delivery's own Message-ID, the same on every attempt and resend. */
    public static String messageId(Delivery delivery, String domain) {
        return "<quality-review.delivery-" + delivery.id() + "." + delivery.period() + ".r" + delivery.revision() + "@" + domain + ">";
    }

    /** A copy sent on request is another message: its own Message-ID, numbered by the attempt that sends it. */
    public static String copyId(Delivery delivery, int attempt, String domain) {
        return "<quality-review.delivery-" + delivery.id() + ".copy-" + attempt + "." + delivery.period() + ".r" + delivery.revision()
                + "@" + domain + ">";
    }

    public MimeMessage build(Delivery delivery, String id) throws MessagingException {
        ReportTexts texts = this.texts.computeIfAbsent(delivery.locale(), locale -> ReportTexts.of(result, locale));
        ReviewResult.Scope scope = scope(delivery);
        String scopeLabel = switch (delivery.scopeType()) {
            case "ORG" -> texts.text("email.scope.org");
            case "REGION" -> texts.text("email.scope.region", scope.name(), scope.code());
            default -> texts.text("email.scope.site", scope.name(), scope.code());
        };
        String standing = delivery.scopeType().equals("SITE") ? texts.rating(scope.current().rating())
                : texts.text("email.sitesAtThreePlus", texts.percent(scope.current().sitesRated3PlusPct()));
        String subject = texts.text("email.subject", result.period().toString(), scopeLabel, standing);

        List<ReportTexts.Headline> headlines = texts.headlines(scope);
        StringBuilder plain = new StringBuilder();
        StringBuilder html = new StringBuilder("<html><body style=\"font-family:sans-serif\">");
        String greeting = texts.text("email.greeting", delivery.name());
        String intro = texts.text("email.intro", result.period().toString(), scopeLabel, standing);
        plain.append(greeting).append("\n\n").append(intro).append("\n\n");
        html.append("<p>").append(escape(greeting)).append("</p><p>").append(escape(intro)).append("</p>");
        // Before the figures, so that no one reads them as complete.
        texts.dataIncomplete(scope).ifPresent(notice -> {
            plain.append(notice).append("\n\n");
            html.append("<p style=\"color:#A93226\"><b>").append(escape(notice)).append("</b></p>");
        });
        plain.append(texts.text("email.headlines")).append('\n');
        html.append("<h3>").append(escape(texts.text("email.headlines"))).append("</h3><table cellpadding=\"4\">");
        for (ReportTexts.Headline h : headlines) {
            plain.append("  ").append(h.label()).append(": ").append(h.value())
                    .append(h.change().isEmpty() ? "" : " (" + h.marker() + " " + h.change() + ")").append('\n');
            html.append("<tr><td>").append(escape(h.label())).append("</td><td align=\"right\"><b>").append(escape(h.value()))
                    .append("</b></td><td>").append(escape(h.change().isEmpty() ? "" : h.marker() + " " + h.change()))
                    .append("</td></tr>");
        }
        html.append("</table><h3>").append(escape(texts.text("email.warnings"))).append("</h3>");
        plain.append('\n').append(texts.text("email.warnings")).append('\n');
        if (scope.warnings().isEmpty()) {
            plain.append("  ").append(texts.text("email.warnings.none")).append('\n');
            html.append("<p>").append(escape(texts.text("email.warnings.none"))).append("</p>");
        }
        else {
            html.append("<ul>");
            for (ReviewResult.WarningRow w : scope.warnings()) {
                String line = w.siteCode() + " · " + texts.text("severity." + w.severity()) + " · "
                        + texts.text("warning." + w.type()) + " (" + texts.running(w) + "): " + texts.warningDetails(w);
                plain.append("  - ").append(line).append('\n');
                html.append("<li>").append(escape(line)).append("</li>");
            }
            html.append("</ul>");
        }
        // The previous review's warnings that no longer hold, under their own heading (shown once).
        if (!scope.resolvedWarnings().isEmpty()) {
            String heading = texts.resolvedHeading();
            plain.append('\n').append(heading).append('\n');
            html.append("<h3>").append(escape(heading)).append("</h3><ul>");
            for (ReviewResult.WarningRow w : scope.resolvedWarnings()) {
                String line = texts.resolvedItem(w);
                plain.append("  - ").append(line).append('\n');
                html.append("<li>").append(escape(line)).append("</li>");
            }
            html.append("</ul>");
        }
        plain.append('\n').append(texts.text("email.signature")).append('\n');
        html.append("<p>").append(escape(texts.text("email.signature"))).append("</p></body></html>");

        MimeMessage message = new MimeMessage(SESSION) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", id);
            }
        };
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(from);
        try {
            helper.setTo(new InternetAddress(delivery.email(), delivery.name(), "UTF-8"));
        }
        catch (UnsupportedEncodingException e) {
            throw new MessagingException(e.getMessage(), e);
        }
        helper.setSubject(subject);
        helper.setText(plain.toString(), html.toString());
        helper.addAttachment(delivery.attachment(), new FileSystemResource(folder.resolve(delivery.attachment())));
        message.saveChanges();
        return message;
    }

    private ReviewResult.Scope scope(Delivery delivery) {
        String code = delivery.scopeCode();
        return switch (delivery.scopeType()) {
            case "ORG" -> result.organisation();
            case "REGION" -> result.regions().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
            default -> result.sites().stream().filter(s -> s.code().equals(code)).findFirst().orElseThrow();
        };
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
