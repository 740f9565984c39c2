package com.qualityreview.intake;

import java.util.List;
import java.util.Optional;

import com.qualityreview.security.AuditLog;
import com.qualityreview.system.Command;
import com.qualityreview.system.CommandException;
import com.qualityreview.system.JobOutcome;
import com.qualityreview.system.QualityProperties;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/** {@code scan-inbound}: imports what waits in quality.inbound-dir (the nightly schedule's job). */
@Component
class InboundCommand implements Command, JobOutcome {

    private final JobOperator jobOperator;
    private final Job inboundScanJob;
    private final AuditLog audit;
    private final QualityProperties properties;

    InboundCommand(JobOperator jobOperator, Job inboundScanJob, AuditLog audit, QualityProperties properties) {
        this.jobOperator = jobOperator;
        this.inboundScanJob = inboundScanJob;
        this.audit = audit;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "scan-inbound";
    }

    @Override
    public String usage() {
        return "   import every <kind>*.csv waiting in quality.inbound-dir; move it to processed/ or failed/";
    }

    @Override
    public int run(List<String> arguments, ApplicationArguments options) throws Exception {
        JobExecution execution = jobOperator.start(inboundScanJob, new JobParametersBuilder().addLong("run.id", System.currentTimeMillis())
                .toJobParameters());
        // A scan that did not complete throws here; the command line records that failure.
        int status = print(execution);
        audit.record("scan-inbound", properties.inboundDir().toAbsolutePath().normalize().toString(), "COMPLETED (execution "
                + execution.getId() + ")" + (status == 3 ? ", some files FAILED" : "") + ": "
                + String.join("; ", execution.getExecutionContext().getString(ScanInboundTasklet.SUMMARY).lines().toList()));
        return status;
    }

    @Override
    public boolean audited() {
        return true;
    }

    @Override
    public String jobName() {
        return InboundJobConfiguration.JOB_NAME;
    }

    @Override
    public Optional<String> counts(JobExecution execution) {
        var context = execution.getExecutionContext();
        if (!context.containsKey(ScanInboundTasklet.SUMMARY)) {
            return Optional.empty();
        }
        String summary = context.getString(ScanInboundTasklet.SUMMARY);
        return Optional.of((summary.startsWith("nothing") ? 0 : summary.lines().count()) + " file(s)");
    }

    @Override
    public int print(JobExecution execution) {
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            throw new CommandException("inbound scan " + execution.getStatus() + " (execution " + execution.getId() + ")");
        }
        System.out.println(execution.getExecutionContext().getString(ScanInboundTasklet.SUMMARY));
        boolean failed = execution.getExecutionContext().getString(ScanInboundTasklet.SUMMARY).contains(": FAILED");
        return failed ? 3 : 0;
    }
}
