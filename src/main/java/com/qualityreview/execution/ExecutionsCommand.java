package com.qualityreview.execution;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import com.qualityreview.system.Command;
import com.qualityreview.system.CommandException;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/** {@code executions [--limit=N]}: recent job executions, newest first. */
@Component
class ExecutionsCommand implements Command {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Executions executions;

    ExecutionsCommand(Executions executions) {
        this.executions = executions;
    }

    @Override
    public String name() {
        return "executions";
    }

    @Override
    public String usage() {
        return "[--limit=N]    recent job executions: id, job, parameters, status, start, duration, counts";
    }

    @Override
    public int run(List<String> arguments, ApplicationArguments options) {
        int limit = 20;
        if (options.containsOption("limit")) {
            try {
                limit = Integer.parseInt(options.getOptionValues("limit").get(0));
            }
            catch (NumberFormatException e) {
                throw new CommandException("--limit must be a whole number, was '" + options.getOptionValues("limit").get(0) + "'");
            }
            if (limit < 1) {
                throw new CommandException("--limit must be at least 1, was " + limit);
            }
        }
        List<JobExecution> recent = executions.recent(limit);
        if (recent.isEmpty()) {
            System.out.println("no job executions yet");
            return 0;
        }
        System.out.printf("%-6s %-18s %-10s %-19s %-9s %s%n", "id", "job", "status", "start", "duration", "parameters; counts");
        for (JobExecution execution : recent) {
            ExecutionView view = executions.view(execution);
            // A running execution whose process is gone says so: it is one to restart.
            String status = view.running() && !view.alive() ? view.status() + " (process gone)" : view.status();
            System.out.printf("%-6d %-18s %-10s %-19s %-9s %s; %s%n", view.id(), view.job(), status,
                    view.startTime() == null ? "-" : TIME.format(view.startTime()), duration(view.durationSeconds()),
                    parameters(view), view.counts());
        }
        return 0;
    }

    static String parameters(ExecutionView view) {
        return view.parameters().entrySet().stream().map(p -> p.getKey() + "=" + p.getValue()).collect(Collectors.joining(" "));
    }

    static String duration(Double seconds) {
        if (seconds == null) {
            return "-";
        }
        Duration duration = Duration.ofMillis(Math.round(seconds * 1000));
        return duration.toSeconds() < 60 ? String.format("%.1f s", seconds)
                : duration.toMinutes() + " min " + duration.toSecondsPart() + " s";
    }
}
