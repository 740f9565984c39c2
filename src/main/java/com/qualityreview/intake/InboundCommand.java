package com.qualityreview.intake;

import java.util.List;
import java.util.Optional;

import com.qualityreview.intake.job.InboundJobConfiguration;
import com.qualityreview.intake.job.ScanInboundTasklet;
import com.qualityreview.system.Command;
import com.qualityreview.system.CommandSpec;
import com.qualityreview.system.JobOutcome;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/** {@code scan-inbound}: imports what waits in quality.inbound-dir (the nightly schedule's job). */
@Component
public class InboundCommand implements Command, JobOutcome {

    public static final CommandSpec SPEC = new CommandSpec("scan-inbound", List.of(),
            "import every <kind>*.csv waiting in quality.inbound-dir, reference data first; move each to processed/ (with its"
                    + " rejects file) or failed/", List.of());

    private final Imports imports;

    InboundCommand(Imports imports) {
        this.imports = imports;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(List<String> arguments, ApplicationArguments options) throws Exception {
        // A scan that did not complete throws; the command line records that failure.
        return print(imports.scanInbound());
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
        return print(imports.scanned(execution));
    }

    private static int print(Imports.Scanned scanned) {
        System.out.println(scanned.summary());
        return scanned.exitStatus();
    }
}
