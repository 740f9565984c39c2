package com.qualityreview.execution;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.qualityreview.scale.PartitionWorker;
import com.qualityreview.system.Leases;
import com.qualityreview.system.Progress;
import com.qualityreview.system.ServerDetails;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.step.StepExecution;

/**
 * One job execution as the API and the console show it: parameters, status, counts, steps and,
 * while it runs, the progress of its long step. {@code alive}: a running execution whose process
 * renews its lease ({@code process} names it); {@code restartable}: failed, stopped, or running
 * with its process gone.
 */
public record ExecutionView(long id, String job, Map<String, String> parameters, String status, String exitCode,
        String exitMessage, LocalDateTime startTime, LocalDateTime endTime, Double durationSeconds, String counts,
        boolean running, boolean alive, String process, boolean restartable, Progress progress, List<Step> steps) {

    /** {@code worker}: for a partition of a partitioned step, the process and thread that ran it ({@link PartitionWorker}). */
    public record Step(String name, String status, long read, long written, long filtered, long skipped, long commits,
            long rollbacks, LocalDateTime startTime, LocalDateTime endTime, Progress progress, String worker) {
    }

    static ExecutionView of(JobExecution execution, String counts, LocalDateTime now, Optional<Leases.Holder> holder) {
        Map<String, String> parameters = new LinkedHashMap<>();
        execution.getJobParameters().parameters().stream()
                .filter(p -> !p.name().equals("run.id"))
                .sorted(Comparator.comparing(JobParameter::name))
                .forEach(p -> parameters.put(p.name(), String.valueOf(p.value())));
        List<Step> steps = execution.getStepExecutions().stream()
                .sorted(Comparator.comparing(StepExecution::getId))
                .map(step -> new Step(step.getStepName(), step.getStatus().name(), step.getReadCount(), step.getWriteCount(),
                        step.getFilterCount(), step.getSkipCount(), step.getCommitCount(), step.getRollbackCount(),
                        step.getStartTime(), step.getEndTime(), Progress.of(step, now).orElse(null), PartitionWorker.of(step)))
                .toList();
        boolean running = execution.getStatus().isRunning();
        boolean alive = running && holder.map(Leases.Holder::alive).orElse(false);
        String process = running ? holder.map(h -> h.alive() ? h.describe() : "gone: " + h.describe()).orElse("gone: no lease") : null;
        boolean restartable = execution.getStatus() == BatchStatus.FAILED || execution.getStatus() == BatchStatus.STOPPED
                || running && !alive;
        // The progress shown for the whole execution is that of its running long step, else the last one that had any;
        // a partitioned step's, not one of its partitions'.
        Progress progress = steps.stream().filter(s -> s.progress() != null && !isPartition(s.name()))
                .reduce((first, second) -> second).map(Step::progress).orElse(null);
        Double duration = execution.getStartTime() == null ? null
                : Duration.between(execution.getStartTime(), execution.getEndTime() != null ? execution.getEndTime() : now).toMillis() / 1000.0;
        String exitMessage = execution.getExitStatus().getExitDescription();
        return new ExecutionView(execution.getId(), execution.getJobInstance().getJobName(), parameters,
                execution.getStatus().name(), execution.getExitStatus().getExitCode(),
                exitMessage == null || exitMessage.isBlank() ? null : firstLine(exitMessage),
                execution.getStartTime(), execution.getEndTime(), duration, counts, running, alive, process, restartable, progress, steps);
    }

    /** Batch names a partition's step execution after its worker step and the partition, joined by ':'. */
    private static boolean isPartition(String stepName) {
        return stepName.contains(":");
    }

    /**
     * As shown to the person logged in: a VIEWER sees a file parameter by its name only and the
     * exit message without absolute paths or SQL ({@link ServerDetails}).
     */
    ExecutionView forCurrentUser() {
        if (!ServerDetails.hiddenFromCurrentUser()) {
            return this;
        }
        Map<String, String> shown = new LinkedHashMap<>();
        parameters.forEach((name, value) -> shown.put(name, withoutFolders(value)));
        return new ExecutionView(id, job, shown, status, exitCode, ServerDetails.hide(exitMessage), startTime, endTime,
                durationSeconds, counts, running, alive, process, restartable, progress, steps);
    }

    private static String withoutFolders(String value) {
        try {
            Path path = Path.of(value);
            if (path.isAbsolute() && path.getFileName() != null) {
                return path.getFileName().toString();
            }
        }
        catch (InvalidPathException e) {
            // Not a path.
        }
        return ServerDetails.hide(value);
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        return line.length() > 500 ? line.substring(0, 500) : line;
    }
}
