package com.qualityreview.execution;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.qualityreview.system.Command;
import com.qualityreview.system.CommandSpec;
import com.qualityreview.system.UsageException;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/** {@code executions [--limit=N]}: recent job executions, newest first. */
@Component
public class ExecutionsCommand implements Command {

    public static final CommandSpec SPEC = new CommandSpec("executions", List.of(),
            "list recent job executions, newest first: id, job, status, start, duration, parameters, counts",
            List.of(CommandSpec.Option.valued("limit", "N", "how many (default 20)")),
            (arguments, options) -> {
                if (options.containsKey("limit")) {
                    limit(options.get("limit"));
                }
            });

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Executions executions;

    ExecutionsCommand(Executions executions) {
        this.executions = executions;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(List<String> arguments, ApplicationArguments options) {
        SPEC.checkWords(arguments, Map.of());
        int limit = options.containsOption("limit") ? limit(options.getOptionValues("limit").get(0)) : 20;
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
            // The partitions of partitioned steps, each with the worker (process and thread) that ran it.
            view.steps().stream().filter(step -> step.worker() != null)
                    .forEach(step -> System.out.printf("%6s partition %s %s, worker %s%n", "", step.name(), step.status(), step.worker()));
        }
        return 0;
    }

    private static int limit(String text) {
        int limit;
        try {
            limit = Integer.parseInt(text);
        }
        catch (NumberFormatException e) {
            throw new UsageException("--limit must be a whole number, was '" + text + "'");
        }
        if (limit < 1) {
            throw new UsageException("--limit must be at least 1, was " + limit);
        }
        return limit;
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
