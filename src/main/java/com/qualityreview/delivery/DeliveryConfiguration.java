package com.qualityreview.delivery;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.qualityreview.reporting.ReportFiles;
import com.qualityreview.reporting.ReportingProperties;
import com.qualityreview.review.ReviewResult;
import com.qualityreview.review.ReviewResults;
import com.qualityreview.review.ReviewRun;
import com.qualityreview.review.ReviewStepContribution;
import com.qualityreview.system.Leases;
import com.qualityreview.system.QualityProperties;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Adds to the review: planDeliveriesStep (one delivery per stakeholder in the outbox table) and
 * sendDeliveriesStep (sends what is pending). The steps keep no transaction of their own: every
 * status change commits at once, so a restart sees exactly what was sent. Settings:
 * {@link DeliveryProperties}, and the languages of {@link ReportingProperties}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeliveryProperties.class)
class DeliveryConfiguration {

    static final Path DEFAULT_STAKEHOLDERS = Path.of("jobs/stakeholders.yml");

    @Bean
    DeliverySettings deliverySettings(QualityProperties properties, ReportingProperties reporting, DeliveryProperties settings) {
        DeliveryProperties.Sending sending = settings.delivery();
        return new DeliverySettings(properties.stakeholders(), properties.stakeholders().equals(DEFAULT_STAKEHOLDERS),
                reporting.languages().stream().collect(Collectors.toSet()), settings.mail().from(), settings.mail().messageIdDomain(),
                sending.maxAttempts(), sending.retryDelay(), properties.reportsDir(), Math.max(1, sending.threads()));
    }

    record DeliverySettings(Path stakeholders, boolean defaultStakeholders, Set<Locale> locales, String from,
            String messageIdDomain, int maxAttempts, Duration retryDelay, Path reportsDir, int threads) {
    }

    @Bean
    ReviewStepContribution planDeliveriesStep(JobRepository jobRepository, ReviewResults results, DeliveryStore store,
            DeliverySettings settings, ReportFiles reports) {
        Step step = new StepBuilder("planDeliveriesStep", jobRepository)
                .tasklet((contribution, context) -> {
                    var run = ReviewRun.from(contribution.getStepExecution().getJobParameters());
                    ReviewResult result = results.load(run.period(), run.revision()).orElseThrow();
                    List<Stakeholder> stakeholders = Stakeholders.load(settings.stakeholders(), settings.defaultStakeholders(),
                            settings.locales(), codes(result.regions()), codes(result.sites()));
                    // The file rendering recorded for the stakeholder's scope and language, never a name built here.
                    store.plan(run.period().toString(), run.revision(), stakeholders,
                            s -> reports.fileOf(run.period(), run.revision(), s.scopeType(), s.scopeCode(), s.locale())
                                    .orElseThrow(() -> new IllegalStateException("no report of " + s.scope() + " in "
                                            + s.locale().toLanguageTag() + " was rendered for " + run.period() + " r" + run.revision())));
                    return RepeatStatus.FINISHED;
                }, new ResourcelessTransactionManager())
                .build();
        return ReviewStepContribution.of(200, step);
    }

    @Bean
    ReviewStepContribution sendDeliveriesStep(JobRepository jobRepository, ReviewResults results, DeliveryStore store,
            MailTransport transport, Leases leases, DeliverySettings settings) {
        Step step = new StepBuilder("sendDeliveriesStep", jobRepository)
                .tasklet((contribution, context) -> {
                    var run = ReviewRun.from(contribution.getStepExecution().getJobParameters());
                    DeliverySender.Outcome outcome = sender(store, transport, leases, settings)
                            .send(run.period().toString(), run.revision(), messages(results, settings, run));
                    var job = contribution.getStepExecution().getJobExecution();
                    ReviewStepContribution.addOutcomeLine(job, "deliveries: " + outcome.sent() + " " + transport.describe()
                            + (outcome.failed() > 0 ? ", " + outcome.failed() + " FAILED (see the delivery list; resend on demand)" : "")
                            + (outcome.uncertain() > 0 ? ", " + outcome.uncertain() + (outcome.uncertain() == 1 ? " delivery" : " deliveries")
                                    + " uncertain (may or may not have arrived: check, then resend; see docs/delivery.md)" : ""));
                    if (outcome.failed() > 0 || outcome.uncertain() > 0) {
                        contribution.setExitStatus(new ExitStatus(ReviewStepContribution.COMPLETED_WITH_PROBLEMS,
                                outcome.failed() + " deliveries failed, " + outcome.uncertain() + " uncertain"));
                    }
                    return RepeatStatus.FINISHED;
                }, new ResourcelessTransactionManager())
                .build();
        return ReviewStepContribution.of(210, step);
    }

    static DeliverySender sender(DeliveryStore store, MailTransport transport, Leases leases, DeliverySettings settings) {
        return new DeliverySender(store, transport, leases, settings.maxAttempts(), settings.retryDelay(), settings.messageIdDomain(),
                settings.threads());
    }

    static DeliveryMessages messages(ReviewResults results, DeliverySettings settings, ReviewRun run) {
        ReviewResult result = results.load(run.period(), run.revision()).orElseThrow();
        return new DeliveryMessages(result, run.folder(settings.reportsDir()), settings.from(), settings.messageIdDomain());
    }

    private static Set<String> codes(List<ReviewResult.Scope> scopes) {
        return scopes.stream().map(ReviewResult.Scope::code).collect(Collectors.toSet());
    }

}
