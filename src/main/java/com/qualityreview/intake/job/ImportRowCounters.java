package com.qualityreview.intake.job;

import com.qualityreview.intake.ImportCounts;
import com.qualityreview.intake.ImportOutcome;
import com.qualityreview.intake.ImportRequest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Adds a completed import's rows to {@code quality_rows_read_total}, {@code _written_total} and
 * {@code _rejected_total}, tagged with the kind of file. Counted once, at completion, from the
 * totals the import keeps in its job context: a failed import counts nothing, and its restart,
 * which carries the context on, counts the whole file when it completes.
 */
class ImportRowCounters implements JobExecutionListener {

    static final String READ = "quality.rows.read";
    static final String WRITTEN = "quality.rows.written";
    static final String REJECTED = "quality.rows.rejected";

    private final MeterRegistry meters;

    ImportRowCounters(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void afterJob(JobExecution execution) {
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            return;
        }
        ImportOutcome.countsOf(execution).ifPresent(counts -> add(ImportRequest.from(execution.getJobParameters()), counts));
    }

    private void add(ImportRequest request, ImportCounts counts) {
        String kind = request.kind().fileName();
        counter(READ, "rows read from completed imports", kind).increment(counts.read());
        counter(WRITTEN, "rows written to the database by completed imports", kind).increment(counts.written());
        counter(REJECTED, "rows rejected (in the rejects file) by completed imports", kind).increment(counts.rejected());
    }

    private Counter counter(String name, String description, String kind) {
        return Counter.builder(name).description(description).tag("kind", kind).register(meters);
    }
}
