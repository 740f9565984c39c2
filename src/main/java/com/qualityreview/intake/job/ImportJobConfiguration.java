package com.qualityreview.intake.job;

import com.qualityreview.intake.ImportRequest;
import com.qualityreview.intake.IntakeProperties;
import com.qualityreview.intake.csv.CsvRowReader;
import com.qualityreview.intake.csv.FileState;
import com.qualityreview.intake.csv.ParsedRow;
import com.qualityreview.intake.csv.ReferenceCodes;
import com.qualityreview.intake.csv.RowParser;
import com.qualityreview.intake.csv.SourceRow;
import com.qualityreview.system.DatabaseDialect;
import com.qualityreview.system.QualityProperties;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
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
public class ImportJobConfiguration {

    public static final String JOB_NAME = "importJob";

    @Bean
    Job importJob(JobRepository jobRepository, Step checkImportFileStep, Step loadImportRowsStep,
            Step writeRejectsFileStep, ImportHistory history, MeterRegistry meters, ObservationRegistry observations) {
        // Given here: Spring Batch's post-processor, which equips the step beans, left the jobs without (no job metrics).
        return new JobBuilder(JOB_NAME, jobRepository)
                .observationRegistry(observations)
                .listener(new ImportHistoryListener(history))
                .listener(new ImportRowCounters(meters))
                .start(checkImportFileStep)
                .next(loadImportRowsStep)
                .next(writeRejectsFileStep)
                .build();
    }

    @Bean
    Step checkImportFileStep(JobRepository jobRepository, PlatformTransactionManager transactionManager) {
        return new StepBuilder("checkImportFileStep", jobRepository)
                .tasklet(new CheckImportFileTasklet(), transactionManager)
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
            DatabaseDialect dialect, QualityProperties properties) {
        ImportRequest request = ImportRequest.from(parameters);
        return new ImportRowWriter(jdbc, dialect, request.kind(), jobInstanceId, request.fileName(), properties.zoneId());
    }

    @Bean
    Step writeRejectsFileStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            JdbcTemplate jdbc, ImportHistory history) {
        return new StepBuilder("writeRejectsFileStep", jobRepository)
                .tasklet(new WriteRejectsFileTasklet(jdbc, history), transactionManager)
                .build();
    }
}
