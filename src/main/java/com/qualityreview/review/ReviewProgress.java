package com.qualityreview.review;


import com.qualityreview.system.ProgressLog;

import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/** Logs the summarise step's progress in sites at most every 10 s. */
final class ReviewProgress implements StepExecutionListener, ChunkListener<ReviewReference.Site, ReviewReference.Site> {

    private final java.util.function.ToIntFunction<StepExecution> totalSites;
    private StepExecution step;
    private ProgressLog progress;
    private long alreadyDone;

    ReviewProgress(java.util.function.ToIntFunction<StepExecution> totalSites) {
        this.totalSites = totalSites;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        step = stepExecution;
        var context = stepExecution.getExecutionContext();
        alreadyDone = context.getLong(SiteReader.SITES_DONE, context.getInt(ReviewContext.V1_READ_COUNT, 0));
        progress = ProgressLog.forStep(stepExecution, "review " + stepExecution.getJobExecution().getJobParameters().getString("period"),
                "sites", totalSites.applyAsInt(stepExecution), alreadyDone);
    }

    @Override
    public void afterChunk(Chunk<ReviewReference.Site> chunk) {
        progress.update(alreadyDone + step.getWriteCount());
    }
}
