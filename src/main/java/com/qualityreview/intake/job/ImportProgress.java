package com.qualityreview.intake.job;

import java.nio.file.Path;

import com.qualityreview.intake.ImportRequest;
import com.qualityreview.intake.csv.ParsedRow;
import com.qualityreview.intake.csv.SourceRow;
import com.qualityreview.system.ProgressLog;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Logs the load step's progress every 10 s, and on the step's end copies its counts to the job,
 * where they survive a restart that does not run the step again.
 */
final class ImportProgress implements StepExecutionListener, ChunkListener<SourceRow, ParsedRow> {

    private StepExecution step;
    private ProgressLog progress;
    private long alreadyRead;

    @Override
    public void beforeStep(StepExecution stepExecution) {
        step = stepExecution;
        alreadyRead = stepExecution.getExecutionContext().getLong(ImportContext.READ, 0L);
        Path file = ImportRequest.from(stepExecution.getJobExecution().getJobParameters()).file();
        long total = stepExecution.getJobExecution().getExecutionContext().getLong(ImportContext.TOTAL, 0L);
        progress = ProgressLog.forStep(stepExecution, "import " + file, "rows", total, alreadyRead);
    }

    @Override
    public void afterChunk(Chunk<ParsedRow> chunk) {
        progress.update(alreadyRead + step.getReadCount());
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        var job = stepExecution.getJobExecution().getExecutionContext();
        var own = stepExecution.getExecutionContext();
        job.putLong(ImportContext.READ, own.getLong(ImportContext.READ, 0L));
        job.putLong(ImportContext.WRITTEN, own.getLong(ImportContext.WRITTEN, 0L));
        job.putLong(ImportContext.REJECTED, own.getLong(ImportContext.REJECTED, 0L));
        return null;
    }
}
