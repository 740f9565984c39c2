package com.qualityreview.intake;

import java.nio.file.Path;

import com.qualityreview.system.DatabaseDialect;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The import job (SPEC section 7): one file of one kind. It checks the whole file first, then
 * loads it in committed chunks, then writes the rejects file and checks that every row read was
 * written or rejected. Parameters: {@code kind}, {@code file} and {@code run.id} (so that the same
 * file can be imported again later). Settings (also of the inbound scan): {@link IntakeProperties}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntakeProperties.class)
class ImportJobConfiguration {

    static final String JOB_NAME = "importJob";
    static final String TOTAL = "import.total";

    @Bean
    Job importJob(JobRepository jobRepository, Step checkImportFileStep, Step loadImportRowsStep,
            Step writeRejectsFileStep, ImportHistory history) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(new JobExecutionListener() {
                    @Override
                    public void beforeJob(JobExecution execution) {
                        var parameters = execution.getJobParameters();
                        history.started(execution.getJobInstance().getInstanceId(),
                                kind(parameters.getString("kind")), parameters.getString("file"));
                    }

                    @Override
                    public void afterJob(JobExecution execution) {
                        if (execution.getStatus().isUnsuccessful()) {
                            history.failed(execution.getJobInstance().getInstanceId(), ImportOutcome.failureMessage(execution));
                        }
                    }
                })
                .start(checkImportFileStep)
                .next(loadImportRowsStep)
                .next(writeRejectsFileStep)
                .build();
    }

    @Bean
    Step checkImportFileStep(JobRepository jobRepository, PlatformTransactionManager transactionManager) {
        return new StepBuilder("checkImportFileStep", jobRepository)
                .tasklet((contribution, context) -> {
                    StepExecution step = contribution.getStepExecution();
                    var parameters = step.getJobExecution().getJobParameters();
                    ImportFileCheck.Checked checked = ImportFileCheck.check(Path.of(parameters.getString("file")),
                            kind(parameters.getString("kind")));
                    step.getJobExecution().getExecutionContext().putLong(TOTAL, checked.rows());
                    checked.state().saveTo(step.getJobExecution().getExecutionContext());
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                // A restart checks the file again: it may have been replaced since the failure.
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    Step loadImportRowsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            IntakeProperties settings, CsvRowReader csvRowReader, RowParser rowParser, ImportRowWriter importRowWriter) {
        return new StepBuilder("loadImportRowsStep", jobRepository)
                .<SourceRow, ParsedRow>chunk(settings.importing().chunkSize())
                .transactionManager(transactionManager)
                .reader(csvRowReader)
                .processor(rowParser)
                .writer(importRowWriter)
                .listener(new ImportProgress())
                .build();
    }

    @Bean
    @StepScope
    CsvRowReader csvRowReader(@Value("#{jobParameters['file']}") String file, @Value("#{jobParameters['kind']}") String kind,
            @Value("#{stepExecution.jobExecution.executionContext}") ExecutionContext jobContext) {
        return new CsvRowReader(Path.of(file), kind(kind), FileState.from(jobContext));
    }

    @Bean
    @StepScope
    RowParser rowParser(@Value("#{jobParameters['kind']}") String kind, CsvRowReader csvRowReader, JdbcTemplate jdbc) {
        return new RowParser(kind(kind), csvRowReader::header, ReferenceCodes.load(jdbc));
    }

    @Bean
    @StepScope
    ImportRowWriter importRowWriter(@Value("#{jobParameters['kind']}") String kind, @Value("#{jobParameters['file']}") String file,
            @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") Long jobInstanceId, JdbcTemplate jdbc,
            DatabaseDialect dialect) {
        return new ImportRowWriter(jdbc, dialect, kind(kind), jobInstanceId, Path.of(file).getFileName().toString());
    }

    @Bean
    Step writeRejectsFileStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            JdbcTemplate jdbc, ImportHistory history) {
        return new StepBuilder("writeRejectsFileStep", jobRepository)
                .tasklet((contribution, context) -> {
                    StepExecution step = contribution.getStepExecution();
                    JobExecution job = step.getJobExecution();
                    long instanceId = job.getJobInstance().getInstanceId();
                    ImportCounts counts = ImportOutcome.counts(job.getExecutionContext());
                    long total = job.getExecutionContext().getLong(TOTAL);
                    if (!counts.balanced() || counts.read() != total) {
                        throw new IllegalStateException("row counts do not add up: " + counts + " of " + total
                                + " rows in the file; the import is not complete");
                    }
                    Path input = Path.of(job.getJobParameters().getString("file"));
                    RejectsFile.write(jdbc, instanceId, input, counts.rejected());
                    history.completed(instanceId, counts);
                    contribution.setExitStatus(counts.rejected() > 0
                            ? new ExitStatus("COMPLETED_WITH_REJECTS") : ExitStatus.COMPLETED);
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    static ImportKind kind(String name) {
        return ImportKind.byName(name).orElseThrow(() -> new ImportFileException(
                "unknown kind '" + name + "'; the kinds are " + ImportKind.names()));
    }
}
