package com.qualityreview.reporting.pdf;

import java.nio.file.Path;

import com.qualityreview.reporting.CategoryNames;
import com.qualityreview.reporting.ReportFiles;
import com.qualityreview.reporting.ReportingProperties;
import com.qualityreview.review.ReviewResults;
import com.qualityreview.review.ReviewStepContribution;
import com.qualityreview.scale.PartitionWorker;
import com.qualityreview.scale.Partitions;
import com.qualityreview.system.QualityProperties;
import com.qualityreview.system.Progress;
import com.qualityreview.system.TaskletProgress;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;
import org.springframework.transaction.support.TransactionTemplate;

/** Adds renderReportsStep to the quality review, after its figures are stored: the PDFs, and which scope each is, rendered in partitions. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReportingProperties.class)
class ReportingConfiguration {

    /** Read at start-up, so that a malformed file stops it rather than the review that renders. */
    @Bean
    CategoryNames categoryNames(ReportingProperties settings) {
        return CategoryNames.load(settings.categoryNames(), settings.categoryNames().equals(Path.of(CategoryNames.DEFAULT_FILE)));
    }

    /**
     * The review's rendering, split into ranges of scopes run as partitions of
     * {@code renderReportsPartition} where {@code quality.scale.mode} says ({@link Partitions}); on a
     * restart Batch re-runs only the partitions that did not complete.
     */
    @Bean
    ReviewStepContribution renderReportsStep(JobRepository jobRepository, Step renderReportsPartition,
            ScopeRangePartitioner renderScopeRanges, Partitions partitions) {
        Step step = new StepBuilder("renderReportsStep", jobRepository)
                .partitioner(renderReportsPartition.getName(), renderScopeRanges)
                .partitionHandler(partitions.handler(renderReportsPartition))
                .listener(new RenderedTotal())
                .build();
        return ReviewStepContribution.of(100, step);
    }

    /**
     * One range of the review's scopes: its PDFs and its rows of report_file. It renders outside
     * a transaction (SUPPORTS: none is begun), so that it holds no database connection while it
     * renders: partitions at once each holding one, with the render threads needing theirs, would
     * exhaust the pool. Its rows are replaced in a transaction of their own.
     */
    @Bean
    Step renderReportsPartition(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ReviewResults results, ReportRendering rendering, ReportFiles files, QualityProperties properties,
            TaskletProgress progress, MeterRegistry meters) {
        return new StepBuilder("renderReportsPartition", jobRepository)
                .tasklet(new RenderReportsTasklet(results, rendering, files, new TransactionTemplate(transactionManager),
                        properties.reportsDir(), progress, meters), transactionManager)
                .transactionAttribute(new DefaultTransactionAttribute(TransactionDefinition.PROPAGATION_SUPPORTS))
                .listener(new PartitionWorker())
                .build();
    }

    /** One per execution of renderReportsStep: it cuts that review's scopes. */
    @Bean
    @StepScope
    ScopeRangePartitioner renderScopeRanges(@Value("#{stepExecution}") StepExecution manager, ReportRendering rendering,
            QualityProperties properties) {
        return new ScopeRangePartitioner(manager, rendering, properties.reportsDir());
    }

    /**
     * The manager's progress is the sum of its partitions' in this execution (each records its own
     * total); once every partition has completed, puts the number of reports in the job's context:
     * all those planned, the reports of partitions completed by an earlier execution included.
     */
    static final class RenderedTotal implements StepExecutionListener {

        @Override
        public void beforeStep(StepExecution manager) {
            Progress.recordPartitions(manager, RenderReportsTasklet.UNIT, "renderReportsPartition");
        }

        @Override
        public ExitStatus afterStep(StepExecution manager) {
            if (manager.getStatus() == BatchStatus.COMPLETED) {
                manager.getJobExecution().getExecutionContext().putInt(RenderReportsTasklet.RENDERED,
                        manager.getExecutionContext().getInt(ScopeRangePartitioner.PLANNED));
            }
            return null;
        }
    }
}
