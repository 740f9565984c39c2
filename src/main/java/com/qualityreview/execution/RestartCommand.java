package com.qualityreview.execution;

import java.util.List;

import com.qualityreview.system.Command;
import com.qualityreview.system.CommandException;

import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/**
 * {@code restart <executionId>}: restarts a failed or stopped execution, or a running one whose
 * process is proven gone (its lease expired).
 */
@Component
class RestartCommand implements Command {

    private final Executions executions;

    RestartCommand(Executions executions) {
        this.executions = executions;
    }

    @Override
    public String name() {
        return "restart";
    }

    @Override
    public String usage() {
        return "<executionId>    restart a failed or stopped execution (or one whose process is gone) from its last committed chunk";
    }

    @Override
    public int run(List<String> arguments, ApplicationArguments options) throws Exception {
        if (arguments.size() != 1) {
            throw new CommandException("restart needs one execution id: restart <executionId>");
        }
        if (options.containsOption("force")) {
            // Forcing was how a running-looking execution used to be taken over; now its lease decides.
            throw new CommandException("restart has no --force: an execution whose process is gone can be restarted once its"
                    + " lease has expired (quality.jobs.lease-time); a live one must be stopped first");
        }
        long id;
        try {
            id = Long.parseLong(arguments.get(0));
        }
        catch (NumberFormatException e) {
            throw new CommandException("'" + arguments.get(0) + "' is not an execution id (see the executions command)");
        }
        // Refused (completed, still running, unknown) or failed again: the command line records it.
        return executions.restartAndWait(id, restarted -> {
            System.out.println("execution " + id + " restarted as execution " + restarted.getId() + ": " + restarted.getStatus());
            return executions.print(restarted);
        });
    }

    @Override
    public boolean audited() {
        return true;
    }
}
