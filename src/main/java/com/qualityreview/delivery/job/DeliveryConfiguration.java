package com.qualityreview.delivery.job;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.qualityreview.delivery.DeliveryProperties;
import com.qualityreview.delivery.mail.DeliveryMessages;
import com.qualityreview.delivery.mail.MailTransport;
import com.qualityreview.reporting.ReportFiles;
import com.qualityreview.reporting.ReportingProperties;
import com.qualityreview.review.ReviewResult;
import com.qualityreview.review.ReviewResults;
import com.qualityreview.review.ReviewRun;
import com.qualityreview.review.ReviewStepContribution;
import com.qualityreview.system.Leases;
import com.qualityreview.system.QualityProperties;
import com.qualityreview.system.TaskletProgress;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
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
public class DeliveryConfiguration {

    static final Path DEFAULT_STAKEHOLDERS = Path.of("jobs/stakeholders.yml");

    @Bean
    DeliverySettings deliverySettings(QualityProperties properties, ReportingProperties reporting, DeliveryProperties settings) {
        DeliveryProperties.Sending sending = settings.delivery();
        return new DeliverySettings(properties.stakeholders(), properties.stakeholders().equals(DEFAULT_STAKEHOLDERS),
                reporting.languages().stream().collect(Collectors.toSet()), settings.mail().from(), settings.mail().messageIdDomain(),
                sending.maxAttempts(), sending.retryDelay(), properties.reportsDir(), Math.max(1, sending.threads()));
    }

    public record DeliverySettings(Path stakeholders, boolean defaultStakeholders, Set<Locale> locales, String from,
            String messageIdDomain, int maxAttempts, Duration retryDelay, Path reportsDir, int threads) {
    }

    @Bean
    ReviewStepContribution planDeliveriesStep(JobRepository jobRepository, ReviewResults results, DeliveryStore store,
            DeliverySettings settings, ReportFiles reports) {
        Step step = new StepBuilder("planDeliveriesStep", jobRepository)
                .tasklet(new PlanDeliveriesTasklet(results, store, reports, settings.stakeholders(), settings.defaultStakeholders(),
                        settings.locales()), new ResourcelessTransactionManager())
                .build();
        return ReviewStepContribution.of(200, step);
    }

    @Bean
    ReviewStepContribution sendDeliveriesStep(JobRepository jobRepository, ReviewResults results, DeliveryStore store,
            MailTransport transport, Leases leases, DeliverySettings settings, TaskletProgress progress) {
        Step step = new StepBuilder("sendDeliveriesStep", jobRepository)
                .tasklet(new SendDeliveriesTasklet(sender(store, transport, leases, settings), transport,
                        run -> messages(results, settings, run), progress), new ResourcelessTransactionManager())
                .build();
        return ReviewStepContribution.of(210, step);
    }

    public static DeliverySender sender(DeliveryStore store, MailTransport transport, Leases leases, DeliverySettings settings) {
        return new DeliverySender(store, transport, leases, settings.maxAttempts(), settings.retryDelay(), settings.messageIdDomain(),
                settings.threads());
    }

    public static DeliveryMessages messages(ReviewResults results, DeliverySettings settings, ReviewRun run) {
        ReviewResult result = results.load(run.period(), run.revision()).orElseThrow();
        return new DeliveryMessages(result, run.folder(settings.reportsDir()), settings.from(), settings.messageIdDomain());
    }
}
