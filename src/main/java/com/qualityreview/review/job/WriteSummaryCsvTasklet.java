package com.qualityreview.review.job;

import com.qualityreview.review.ReviewRun;

import java.nio.file.Path;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/** Writes the review's summary.csv, warnings.csv, ranking.csv and drivers.csv into its folder, and records where summary.csv went in the job's context. */
public class WriteSummaryCsvTasklet implements Tasklet {

    /** Job-context key: the absolute path of the summary.csv written. */
    public static final String SUMMARY_FILE = "review.summaryFile";

    private final JdbcTemplate jdbc;
    private final Path reportsDir;

    WriteSummaryCsvTasklet(JdbcTemplate jdbc, Path reportsDir) {
        this.jdbc = jdbc;
        this.reportsDir = reportsDir;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        JobExecution job = contribution.getStepExecution().getJobExecution();
        ReviewRun key = ReviewRun.from(job.getJobParameters());
        Path file = SummaryCsv.write(jdbc, key, key.folder(reportsDir));
        WarningsCsv.write(jdbc, key, key.folder(reportsDir));
        RankingCsv.write(jdbc, key, key.folder(reportsDir));
        DriversCsv.write(jdbc, key, key.folder(reportsDir));
        job.getExecutionContext().putString(SUMMARY_FILE, file.toAbsolutePath().toString());
        return RepeatStatus.FINISHED;
    }
}
