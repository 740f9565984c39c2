package com.qualityreview.review;

import java.nio.file.Path;
import java.time.ZoneId;

import javax.sql.DataSource;

import com.qualityreview.system.DatabaseDialect;
import com.qualityreview.system.QualityProperties;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.ExecutionContextPromotionListener;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The quality review job (SPEC section 7): for one period and revision, summarise and rate every
 * site, roll the figures up to regions and the organisation, compute 12-period trends, and write
 * summary.csv. Parameters:
 * {@code period}, {@code revision}, {@code run.id} (identifying) and {@code zone}. Settings:
 * {@link ReviewProperties}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReviewProperties.class)
class ReviewJobConfiguration {

    static final String JOB_NAME = "qualityReviewJob";
    static final String SUMMARY_FILE = "review.summaryFile";

    @Bean
    Job qualityReviewJob(JobRepository jobRepository, Step prepareReviewStep, Step summariseSitesStep,
            Step rollUpRegionsStep, Step computeTrendsStep, Step writeSummaryCsvStep, ReviewRuns runs,
            QualityProperties properties, java.util.List<ReviewStepContribution> contributions) {
        var job = new JobBuilder(JOB_NAME, jobRepository)
                .listener(new JobExecutionListener() {
                    // Every execution claims the review, a restart too: one whose process died may
                    // have been taken over by another execution of the same period and revision.
                    @Override
                    public void beforeJob(JobExecution execution) {
                        runs.claim(ReviewRun.from(execution.getJobParameters()), execution.getJobInstance().getInstanceId(), execution.getId());
                    }

                    @Override
                    public void afterJob(JobExecution execution) {
                        String folder = execution.getExecutionContext().containsKey(SUMMARY_FILE)
                                ? Path.of(execution.getExecutionContext().getString(SUMMARY_FILE)).getParent().toString() : null;
                        runs.finished(ReviewRun.from(execution.getJobParameters()), execution.getId(), execution.getStatus().name(), folder);
                    }
                })
                .start(prepareReviewStep)
                .next(summariseSitesStep)
                .next(rollUpRegionsStep)
                .next(computeTrendsStep)
                .next(writeSummaryCsvStep);
        contributions.stream().sorted(java.util.Comparator.comparingInt(ReviewStepContribution::order))
                .forEach(contribution -> job.next(contribution.step()));
        return job.build();
    }

    @Bean
    Step prepareReviewStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, ReviewStore store,
            JdbcTemplate jdbc) {
        return new StepBuilder("prepareReviewStep", jobRepository)
                .tasklet((contribution, context) -> {
                    // The run was claimed before the first step; a revision run again starts clean.
                    store.deleteResults(ReviewRun.from(contribution.getStepExecution().getJobParameters()));
                    // The sites reviewed are fixed now, for this execution and its restarts.
                    ReviewedSites.record(contribution.getStepExecution().getJobExecution().getExecutionContext(),
                            ReviewReference.activeSites(jdbc));
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    @Bean
    Step summariseSitesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            SiteReader siteReader, SiteSummaryWriter siteSummaryWriter, JdbcTemplate jdbc, ReviewProperties settings) {
        ExecutionContextPromotionListener promotion = new ExecutionContextPromotionListener();
        promotion.setKeys(new String[] {RegionSums.CURRENT_KEY, RegionSums.PREVIOUS_KEY, ReviewContext.VERSION_KEY});
        return new StepBuilder("summariseSitesStep", jobRepository)
                .<ReviewReference.Site, ReviewReference.Site>chunk(settings.review().sitesPerChunk())
                .transactionManager(transactionManager)
                .reader(siteReader)
                .writer(siteSummaryWriter)
                .listener(promotion)
                .listener(new ReviewProgress(step -> reviewedSites(step, jdbc)))
                .build();
    }

    @Bean
    @StepScope
    SiteReader siteReader(@Value("#{stepExecution}") StepExecution step, JdbcTemplate jdbc) {
        return new SiteReader(step.getJobExecution().getExecutionContext(), jdbc, ReviewRun.from(step.getJobParameters()));
    }

    @Bean
    @StepScope
    SiteSummaryWriter siteSummaryWriter(@Value("#{stepExecution.jobExecution.jobParameters}") JobParameters parameters, DataSource dataSource,
            ReviewStore store, StarRater starRater, DatabaseDialect dialect) {
        JdbcTemplate streaming = streaming(dataSource);
        return new SiteSummaryWriter(streaming, store, ReviewRun.from(parameters), ReviewReference.load(streaming), starRater,
                QualityIndexWeights.DEFAULT, dialect);
    }

    @Bean
    Step rollUpRegionsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, DataSource dataSource,
            ReviewStore store, ReviewProperties settings, DatabaseDialect dialect) {
        return new StepBuilder("rollUpRegionsStep", jobRepository)
                .tasklet((contribution, context) -> new RollUpTasklet(streaming(dataSource), store,
                        ReviewRun.from(contribution.getStepExecution().getJobParameters()), QualityIndexWeights.DEFAULT, settings.organisationName(),
                        dialect)
                        .execute(contribution, context), transactionManager)
                .build();
    }

    @Bean
    Step computeTrendsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, JdbcTemplate jdbc) {
        return new StepBuilder("computeTrendsStep", jobRepository)
                .tasklet((contribution, context) -> new TrendTasklet(jdbc, ReviewRun.from(contribution.getStepExecution().getJobParameters()))
                        .execute(contribution, context), transactionManager)
                .build();
    }

    @Bean
    Step writeSummaryCsvStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, JdbcTemplate jdbc,
            QualityProperties properties) {
        return new StepBuilder("writeSummaryCsvStep", jobRepository)
                .tasklet((contribution, context) -> {
                    JobExecution job = contribution.getStepExecution().getJobExecution();
                    ReviewRun key = ReviewRun.from(job.getJobParameters());
                    Path file = SummaryCsv.write(jdbc, key, key.folder(properties.reportsDir()));
                    job.getExecutionContext().putString(SUMMARY_FILE, file.toAbsolutePath().toString());
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .allowStartIfComplete(true)
                .build();
    }

    /** For progress lines: the sites recorded when the review started (the active ones for a review that recorded none). */
    private static int reviewedSites(StepExecution step, JdbcTemplate jdbc) {
        return ReviewedSites.recorded(step.getJobExecution().getExecutionContext(), ReviewRun.from(step.getJobParameters())).map(java.util.List::size)
                .orElseGet(() -> jdbc.queryForObject("SELECT COUNT(*) FROM site WHERE active = TRUE", Integer.class));
    }

    /** PgJDBC streams a result set only inside a transaction and with a fetch size. */
    static JdbcTemplate streaming(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.setFetchSize(10_000);
        return jdbc;
    }
}
