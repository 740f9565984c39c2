package com.qualityreview.reporting.pdf;

import java.nio.file.Path;

import com.qualityreview.reporting.CategoryNames;
import com.qualityreview.reporting.ReportFiles;
import com.qualityreview.reporting.ReportingProperties;
import com.qualityreview.review.ReviewResults;
import com.qualityreview.review.ReviewStepContribution;
import com.qualityreview.system.QualityProperties;
import com.qualityreview.system.TaskletProgress;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** Adds renderReportsStep to the quality review, after its figures are stored: the PDFs, and which scope each is. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReportingProperties.class)
class ReportingConfiguration {

    /** Read at start-up, so that a malformed file stops it rather than the review that renders. */
    @Bean
    CategoryNames categoryNames(ReportingProperties settings) {
        return CategoryNames.load(settings.categoryNames(), settings.categoryNames().equals(Path.of(CategoryNames.DEFAULT_FILE)));
    }

    @Bean
    ReviewStepContribution renderReportsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ReviewResults results, ReportRendering rendering, ReportFiles files, QualityProperties properties,
            TaskletProgress progress, MeterRegistry meters) {
        Step step = new StepBuilder("renderReportsStep", jobRepository)
                .tasklet(new RenderReportsTasklet(results, rendering, files, properties.reportsDir(), progress, meters), transactionManager)
                .build();
        return ReviewStepContribution.of(100, step);
    }
}
