package com.qualityreview.intake;

import java.nio.file.Path;

import com.qualityreview.system.DatabaseDialect;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
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
                        ImportRequest request = ImportRequest.from(execution.getJobParameters());
                        history.started(execution.getJobInstance().getInstanceId(), request.kind(), request.file().toString());
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
                    ImportRequest request = ImportRequest.from(step.getJobExecution().getJobParameters());
                    ImportFileCheck.Checked checked = ImportFileCheck.check(request.file(), request.kind());
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
    CsvRowReader csvRowReader(@Value("#{stepExecution.jobExecution.jobParameters}") JobParameters parameters,
            @Value("#{stepExecution.jobExecution.executionContext}") ExecutionContext jobContext) {
        ImportRequest request = ImportRequest.from(parameters);
        return new CsvRowReader(request.file(), request.kind(), FileState.from(jobContext));
    }

    @Bean
    @StepScope
    RowParser rowParser(@Value("#{stepExecution.jobExecution.jobParameters}") JobParameters parameters, CsvRowReader csvRowReader,
            JdbcTemplate jdbc) {
        return new RowParser(ImportRequest.from(parameters).kind(), csvRowReader::header, ReferenceCodes.load(jdbc));
    }

    @Bean
    @StepScope
    ImportRowWriter importRowWriter(@Value("#{stepExecution.jobExecution.jobParameters}") JobParameters parameters,
            @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") Long jobInstanceId, JdbcTemplate jdbc,
            DatabaseDialect dialect) {
        ImportRequest request = ImportRequest.from(parameters);
        return new ImportRowWriter(jdbc, dialect, request.kind(), jobInstanceId, request.fileName());
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
                    RejectsFile.write(jdbc, instanceId, ImportRequest.from(job.getJobParameters()).file(), counts.rejected());
                    history.completed(instanceId, counts);
                    contribution.setExitStatus(counts.rejected() > 0
                            ? new ExitStatus("COMPLETED_WITH_REJECTS") : ExitStatus.COMPLETED);
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }
}
