package com.qualityreview.delivery.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.qualityreview.delivery.Delivery;
import com.qualityreview.delivery.DeliveryProperties;
import com.qualityreview.system.QualityProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * SMTP when Spring Boot's mail settings name a host (spring.mail.host, ...); otherwise each message
 * is written as {@code <period>-r<revision>-delivery-<id>.eml} ({@code ...-copy-<n>.eml} for a copy
 * on request; {@code <name>.eml} for an administrators' message, see AdminMail) to quality.outbox-dir.
 * A message file that exists already is not written again, so
 * the outbox keeps the exactly-once rule too.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    @Bean
    MailTransport mailTransport(ObjectProvider<JavaMailSender> mailSender, QualityProperties properties, DeliveryProperties settings) {
        JavaMailSender smtp = mailSender.getIfAvailable();
        if (smtp instanceof JavaMailSenderImpl server) {
            DeliveryProperties.Mail mail = settings.mail();
            return smtp(server, mail.connectTimeout(), mail.readTimeout(), mail.writeTimeout());
        }
        if (smtp != null) {
            throw new IllegalStateException("spring.mail: the mail sender is a " + smtp.getClass().getName()
                    + ", not Spring's JavaMailSenderImpl; deliveries need to see the SMTP conversation");
        }
        return outbox(properties.outboxDir());
    }

    /** Timeouts unless spring.mail.properties sets them: a hung server must never hold a sending thread for ever. */
    static MailTransport smtp(JavaMailSenderImpl server, Duration connectTimeout, Duration readTimeout, Duration writeTimeout) {
        String protocol = server.getProtocol() == null ? "smtp" : server.getProtocol();
        Properties settings = server.getJavaMailProperties();
        settings.putIfAbsent("mail." + protocol + ".connectiontimeout", String.valueOf(connectTimeout.toMillis()));
        settings.putIfAbsent("mail." + protocol + ".timeout", String.valueOf(readTimeout.toMillis()));
        settings.putIfAbsent("mail." + protocol + ".writetimeout", String.valueOf(writeTimeout.toMillis()));
        return new MailTransport() {
            @Override
            public Connection connect() throws MessagingException {
                SmtpConnection connection = new SmtpConnection(server.getSession(), protocol);
                connection.connect(server.getHost(), server.getPort(), emptyToNull(server.getUsername()),
                        emptyToNull(server.getPassword()));
                return connection;
            }

            @Override
            public Optional<Boolean> wentOut(Delivery delivery) {
                return Optional.empty();
            }

            @Override
            public String describe() {
                return "sent";
            }
        };
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    static MailTransport outbox(Path outbox) {
        return new MailTransport() {
            @Override
            public Connection connect() {
                return new Connection() {
                    @Override
                    public void send(MimeMessage message, Delivery delivery) throws MessagingException {
                        write(message, fileName(delivery, message.getMessageID()));
                    }

                    @Override
                    public void sendNotice(MimeMessage message, String outboxName) throws MessagingException {
                        write(message, outboxName);
                    }

                    private void write(MimeMessage message, String name) throws MessagingException {
                        Path file = outbox.resolve(name);
                        if (Files.exists(file)) {
                            return;
                        }
                        Path temporary = outbox.resolve(file.getFileName() + "." + UUID.randomUUID() + ".tmp");
                        try {
                            Files.createDirectories(outbox);
                            try (OutputStream out = Files.newOutputStream(temporary)) {
                                message.writeTo(out);
                            }
                            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
                        }
                        catch (IOException e) {
                            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
                        }
                        finally {
                            deleteQuietly(temporary);
                        }
                    }

                    @Override
                    public boolean outcomeUnknown(Exception failure) {
                        return false;
                    }

                    @Override
                    public void close() {
                    }
                };
            }

            /** The message file is the delivery: there or not. A half-written one is cleared away. */
            @Override
            public Optional<Boolean> wentOut(Delivery delivery) {
                if (delivery.messageId() == null) {
                    return Optional.of(false);
                }
                String name = fileName(delivery, delivery.messageId());
                try (var partial = Files.newDirectoryStream(outbox, name + ".*.tmp")) {
                    partial.forEach(MailConfiguration::deleteQuietly);
                }
                catch (IOException e) {
                    // No outbox folder yet, or unreadable: the file test below decides.
                }
                return Optional.of(Files.exists(outbox.resolve(name)));
            }

            @Override
            public String describe() {
                return "written to " + outbox.toAbsolutePath().normalize();
            }
        };
    }

    private static final Pattern COPY = Pattern.compile("\\.copy-(\\d+)\\.");

    static String fileName(Delivery delivery, String messageId) {
        Matcher copy = COPY.matcher(messageId == null ? "" : messageId);
        return delivery.period() + "-r" + delivery.revision() + "-delivery-" + delivery.id()
                + (copy.find() ? "-copy-" + copy.group(1) : "") + ".eml";
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException e) {
            // Left for the next look.
        }
    }
}
