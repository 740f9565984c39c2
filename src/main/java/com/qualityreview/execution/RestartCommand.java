package com.qualityreview.execution;

import java.util.List;
import java.util.Map;

import com.qualityreview.system.Command;
import com.qualityreview.system.CommandSpec;
import com.qualityreview.system.UsageException;

import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/**
 * {@code restart <executionId>}: restarts a failed or stopped execution, or a running one whose
 * process is proven gone (its lease expired).
 */
@Component
public class RestartCommand implements Command {

    public static final CommandSpec SPEC = new CommandSpec("restart", List.of("<executionId>"),
            "restart a failed or stopped execution from its last committed chunk, or one marked running whose process is gone"
                    + " (once its lease, quality.jobs.lease-time, has expired); refused while it runs",
            List.of(), (arguments, options) -> executionId(arguments.get(0)));

    private final Executions executions;

    RestartCommand(Executions executions) {
        this.executions = executions;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(List<String> arguments, ApplicationArguments options) throws Exception {
        SPEC.checkWords(arguments, Map.of());
        long id = executionId(arguments.get(0));
        // Refused (completed, still running, unknown) or failed again: the command line records it.
        return executions.restartAndWait(id, restarted -> {
            System.out.println("execution " + id + " restarted as execution " + restarted.getId() + ": " + restarted.getStatus());
            return executions.print(restarted);
        });
    }

    private static long executionId(String text) {
        try {
            return Long.parseLong(text);
        }
        catch (NumberFormatException e) {
            throw new UsageException("'" + text + "' is not an execution id (see the executions command)");
        }
    }

    @Override
    public boolean audited() {
        return true;
    }
}
