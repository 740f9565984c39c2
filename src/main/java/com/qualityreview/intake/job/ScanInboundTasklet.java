package com.qualityreview.intake.job;

import com.qualityreview.intake.Imports;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Scans the inbound folder ({@link InboundScan}): imports every file in it, and records in the
 * job's context one line per file saying what happened to it.
 */
public class ScanInboundTasklet implements Tasklet {

    /** Job-context key: what happened to each file, a line each, or that there was nothing to import. */
    public static final String SUMMARY = "inbound.summary";

    private final Imports imports;
    private final Path inboundDir;
    private final Duration settleTime;
    private final Clock clock;

    ScanInboundTasklet(Imports imports, Path inboundDir, Duration settleTime, Clock clock) {
        this.imports = imports;
        this.inboundDir = inboundDir;
        this.settleTime = settleTime;
        this.clock = clock;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        // The imports are jobs of their own: they run on a thread outside this step's transaction.
        InboundScan scan = new InboundScan(imports, inboundDir, settleTime, clock);
        List<InboundScan.Result> results = CompletableFuture.supplyAsync(() -> {
            try {
                return scan.scan();
            }
            catch (Exception e) {
                throw new CompletionException(e);
            }
        }).join();
        contribution.getStepExecution().getJobExecution().getExecutionContext().putString(SUMMARY,
                results.isEmpty() ? "nothing to import in " + inboundDir.toAbsolutePath().normalize()
                        : results.stream().map(r -> r.file() + ": " + r.outcome() + (r.detail().isEmpty() ? "" : " (" + r.detail() + ")"))
                                .collect(Collectors.joining("\n")));
        return RepeatStatus.FINISHED;
    }
}
