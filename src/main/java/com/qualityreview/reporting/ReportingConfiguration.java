package com.qualityreview.reporting;

import java.nio.file.Path;
import java.util.List;

import com.qualityreview.review.ReviewResult;
import com.qualityreview.review.ReviewResults;
import com.qualityreview.review.ReviewRun;
import com.qualityreview.review.ReviewStepContribution;
import com.qualityreview.system.QualityProperties;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** Adds renderReportsStep to the quality review, after its figures are stored: the PDFs, and which scope each is. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReportingProperties.class)
class ReportingConfiguration {

    static final String RENDERED = "reports.rendered";

    @Bean
    ReviewStepContribution renderReportsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ReviewResults results, ReportRendering rendering, ReportFiles files, QualityProperties properties) {
        Step step = new StepBuilder("renderReportsStep", jobRepository)
                .tasklet((contribution, context) -> {
                    var run = ReviewRun.from(contribution.getStepExecution().getJobParameters());
                    ReviewResult result = results.load(run.period(), run.revision()).orElseThrow();
                    Path folder = run.folder(properties.reportsDir());
                    List<ReportRendering.RenderedReport> reports = rendering.render(result, folder);
                    // In the step's transaction: a rendering that does not complete leaves the previous record.
                    files.record(run.period(), run.revision(), reports);
                    contribution.getStepExecution().getJobExecution().getExecutionContext().putInt(RENDERED, reports.size());
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
        return ReviewStepContribution.of(100, step);
    }
}
