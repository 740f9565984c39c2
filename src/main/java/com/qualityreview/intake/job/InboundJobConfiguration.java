package com.qualityreview.intake.job;

import java.time.Clock;
import java.time.Duration;

import com.qualityreview.intake.Imports;
import com.qualityreview.intake.IntakeProperties;
import com.qualityreview.system.QualityProperties;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The inbound scan job (SPEC section 7): imports every {@code <kind>*.csv} of quality.inbound-dir.
 * Each file is an import job of its own, with its own history and restart.
 */
@Configuration(proxyBeanMethods = false)
public class InboundJobConfiguration {

    public static final String JOB_NAME = "inboundScanJob";

    @Bean
    Job inboundScanJob(JobRepository jobRepository, Step scanInboundFolderStep, ObservationRegistry observations) {
        // Given here: Spring Batch's post-processor, which equips the step beans, left the jobs without (no job metrics).
        return new JobBuilder(JOB_NAME, jobRepository).observationRegistry(observations).start(scanInboundFolderStep).build();
    }

    @Bean
    Step scanInboundFolderStep(JobRepository jobRepository, Imports imports, QualityProperties properties, Clock clock,
            IntakeProperties settings) {
        Duration settleTime = settings.inbound().settleTime();
        return new StepBuilder("scanInboundFolderStep", jobRepository)
                .tasklet(new ScanInboundTasklet(imports, properties.inboundDir(), settleTime, clock),
                        new ResourcelessTransactionManager())
                .build();
    }
}
