package com.qualityreview.intake.job;

import com.qualityreview.intake.ImportRequest;
import com.qualityreview.intake.csv.ImportFileCheck;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Checks the whole file before anything is loaded ({@link ImportFileCheck}), and records in the
 * job's context the rows it counted and the state of the file it read.
 */
class CheckImportFileTasklet implements Tasklet {

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = contribution.getStepExecution();
        ImportRequest request = ImportRequest.from(step.getJobExecution().getJobParameters());
        ImportFileCheck.Checked checked = ImportFileCheck.check(request.file(), request.kind());
        step.getJobExecution().getExecutionContext().putLong(ImportContext.TOTAL, checked.rows());
        checked.state().saveTo(step.getJobExecution().getExecutionContext());
        return RepeatStatus.FINISHED;
    }
}
