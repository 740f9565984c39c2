package com.qualityreview.review.job;

import com.qualityreview.review.SiteSummaryWriter;
import java.util.Comparator;
import java.util.List;

import javax.sql.DataSource;

import com.qualityreview.review.ReviewProperties;
import com.qualityreview.review.ReviewRun;
import com.qualityreview.review.ReviewRuns;
import com.qualityreview.review.ReviewStepContribution;
import com.qualityreview.review.metrics.QualityIndexWeights;
import com.qualityreview.scale.PartitionWorker;
import com.qualityreview.scale.Partitions;
import com.qualityreview.review.rating.StarRater;
import com.qualityreview.system.DatabaseDialect;
import com.qualityreview.system.QualityProperties;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.ExecutionContextPromotionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The quality review job (SPEC section 7): for one period and revision, summarise and rate every
 * site, give its warnings their history against the previous review, roll the figures up to regions
 * and the organisation, rank the sites fairly by CSAT, compute 12-period trends, and write summary.csv,
 * warnings.csv and ranking.csv. Parameters:
 * {@code period}, {@code revision}, {@code run.id} (identifying) and {@code zone}. Settings:
 * {@link ReviewProperties}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReviewProperties.class)
public class ReviewJobConfiguration {

    public static final String JOB_NAME = "qualityReviewJob";

    @Bean
    Job qualityReviewJob(JobRepository jobRepository, Step prepareReviewStep, Step summariseSitesStep,
            Step trackWarningHistoryStep, Step rollUpRegionsStep, Step rankSitesStep, Step computeTrendsStep, Step writeSummaryCsvStep, ReviewRuns runs,
            QualityProperties properties, List<ReviewStepContribution> contributions, ObservationRegistry observations) {
        // Given here: Spring Batch's post-processor, which equips the step beans, left the jobs without (no job metrics).
        var job = new JobBuilder(JOB_NAME, jobRepository)
                .observationRegistry(observations)
                .listener(new ReviewRunClaimListener(runs))
                .start(prepareReviewStep)
                .next(summariseSitesStep)
                .next(trackWarningHistoryStep)
                .next(rollUpRegionsStep)
                .next(rankSitesStep)
                .next(computeTrendsStep)
                .next(writeSummaryCsvStep);
        contributions.stream().sorted(Comparator.comparingInt(ReviewStepContribution::order))
                .forEach(contribution -> job.next(observed(contribution.step(), observations)));
        return job.build();
    }

    /**
     * Contributed steps are not beans, so Spring Batch's observability post-processor does not see
     * them: without this their durations would be missing from the step metrics.
     */
    private static Step observed(Step step, ObservationRegistry observations) {
        if (step instanceof AbstractStep observable) {
            observable.setObservationRegistry(observations);
        }
        return step;
    }

    @Bean
    Step prepareReviewStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, ReviewStore store,
            JdbcTemplate jdbc) {
        return new StepBuilder("prepareReviewStep", jobRepository)
                .tasklet(new PrepareReviewTasklet(store, jdbc), transactionManager)
                .build();
    }

    /**
     * Summarises the sites in partitions of contiguous site-code ranges ({@link SiteRangePartitioner}),
     * run where {@code quality.scale.*} says ({@link Partitions}); a restart re-runs only the partitions
     * that did not complete. The partitions' region sums are merged here ({@link RegionSumsAggregator}) and
     * promoted to the job for the roll-up: promoted by each partition, they would overwrite one another.
     */
    @Bean
    Step summariseSitesStep(JobRepository jobRepository, Step summariseSitesPartition, SiteRangePartitioner siteRangePartitioner,
            Partitions partitions, JdbcTemplate jdbc) {
        ExecutionContextPromotionListener promotion = new ExecutionContextPromotionListener();
        promotion.setKeys(new String[] {RegionSums.CURRENT_KEY, RegionSums.PREVIOUS_KEY, ReviewContext.VERSION_KEY});
        String workerStep = summariseSitesPartition.getName();
        return new StepBuilder("summariseSitesStep", jobRepository)
                .partitioner(workerStep, siteRangePartitioner)
                .partitionHandler(partitions.handler(summariseSitesPartition))
                .aggregator(new RegionSumsAggregator(jobRepository, workerStep, () -> ReviewReference.load(jdbc).kpisByCode()))
                .listener(promotion)
                .listener(ReviewProgress.ofPartitioned(jdbc, jobRepository, workerStep))
                .build();
    }

    /** One partition of {@code summariseSitesStep}: its range of sites, in chunks. */
    @Bean
    Step summariseSitesPartition(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            SiteReader siteReader, SiteSummaryWriter siteSummaryWriter, JdbcTemplate jdbc, ReviewProperties settings) {
        return new StepBuilder("summariseSitesPartition", jobRepository)
                .<ReviewReference.Site, ReviewReference.Site>chunk(settings.review().sitesPerChunk())
                .transactionManager(transactionManager)
                .reader(siteReader)
                .writer(siteSummaryWriter)
                .listener(new ReviewProgress(jdbc))
                .listener(new PartitionWorker())
                .build();
    }

    /** One per execution of the partitioned step: it reads the sites recorded in the job's context. */
    @Bean
    @StepScope
    SiteRangePartitioner siteRangePartitioner(@Value("#{stepExecution}") StepExecution manager, JdbcTemplate jdbc) {
        return new SiteRangePartitioner(manager, jdbc);
    }

    @Bean
    @StepScope
    SiteReader siteReader(@Value("#{stepExecution}") StepExecution step, JdbcTemplate jdbc) {
        return new SiteReader(step.getJobExecution().getExecutionContext(), jdbc, ReviewRun.from(step.getJobParameters()));
    }

    @Bean
    @StepScope
    SiteSummaryWriter siteSummaryWriter(@Value("#{stepExecution.jobExecution.jobParameters}") JobParameters parameters, DataSource dataSource,
            ReviewStore store, StarRater starRater, DatabaseDialect dialect, ReviewProperties settings) {
        JdbcTemplate streaming = streaming(dataSource);
        return new SiteSummaryWriter(streaming, store, ReviewRun.from(parameters), ReviewReference.load(streaming), starRater,
                QualityIndexWeights.DEFAULT, dialect, settings.review().incompleteBelowShare(), settings.review().driverMinRows());
    }

    @Bean
    Step trackWarningHistoryStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            TrackWarningHistoryTasklet trackWarningHistoryTasklet) {
        return new StepBuilder("trackWarningHistoryStep", jobRepository)
                .tasklet(trackWarningHistoryTasklet, transactionManager)
                .build();
    }

    /** One per step execution, for the run of that execution. */
    @Bean
    @StepScope
    TrackWarningHistoryTasklet trackWarningHistoryTasklet(@Value("#{stepExecution.jobExecution.jobParameters}") JobParameters parameters,
            JdbcTemplate jdbc, ReviewRuns runs) {
        return new TrackWarningHistoryTasklet(jdbc, runs, ReviewRun.from(parameters));
    }

    @Bean
    Step rollUpRegionsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, RollUpTasklet rollUpTasklet) {
        return new StepBuilder("rollUpRegionsStep", jobRepository)
                .tasklet(rollUpTasklet, transactionManager)
                .build();
    }

    /** One per step execution, for the run of that execution. */
    @Bean
    @StepScope
    RollUpTasklet rollUpTasklet(@Value("#{stepExecution.jobExecution.jobParameters}") JobParameters parameters, DataSource dataSource,
            ReviewStore store, ReviewProperties settings, DatabaseDialect dialect) {
        return new RollUpTasklet(streaming(dataSource), store, ReviewRun.from(parameters), QualityIndexWeights.DEFAULT,
                settings.organisationName(), dialect, settings.review().driverMinRows());
    }

    /** The fair ranking of the sites by CSAT, from the site figures stored (docs/review.md, Fair ranking). */
    @Bean
    Step rankSitesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, JdbcTemplate jdbc) {
        return new StepBuilder("rankSitesStep", jobRepository)
                .tasklet(new RankSitesTasklet(jdbc), transactionManager)
                .build();
    }

    @Bean
    Step computeTrendsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, TrendTasklet trendTasklet) {
        return new StepBuilder("computeTrendsStep", jobRepository)
                .tasklet(trendTasklet, transactionManager)
                .build();
    }

    /** One per step execution, for the run of that execution. */
    @Bean
    @StepScope
    TrendTasklet trendTasklet(@Value("#{stepExecution.jobExecution.jobParameters}") JobParameters parameters, JdbcTemplate jdbc) {
        return new TrendTasklet(jdbc, ReviewRun.from(parameters));
    }

    @Bean
    Step writeSummaryCsvStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, JdbcTemplate jdbc,
            QualityProperties properties) {
        return new StepBuilder("writeSummaryCsvStep", jobRepository)
                .tasklet(new WriteSummaryCsvTasklet(jdbc, properties.reportsDir()), transactionManager)
                .allowStartIfComplete(true)
                .build();
    }

    /** PgJDBC streams a result set only inside a transaction and with a fetch size. */
    static JdbcTemplate streaming(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.setFetchSize(10_000);
        return jdbc;
    }
}
