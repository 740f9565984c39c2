package com.qualityreview.execution;

import java.util.List;

import com.qualityreview.security.AuditLog;
import com.qualityreview.system.Command;
import com.qualityreview.system.CommandException;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/** {@code restart <executionId> [--force]}: restarts a failed or stopped execution. */
@Component
class RestartCommand implements Command {

    private final Executions executions;
    private final AuditLog audit;

    RestartCommand(Executions executions, AuditLog audit) {
        this.executions = executions;
        this.audit = audit;
    }

    @Override
    public String name() {
        return "restart";
    }

    @Override
    public String usage() {
        return "<executionId> [--force]    restart a failed or stopped execution from its last committed chunk";
    }

    @Override
    public int run(List<String> arguments, ApplicationArguments options) throws Exception {
        if (arguments.size() != 1) {
            throw new CommandException("restart needs one execution id: restart <executionId>");
        }
        long id;
        try {
            id = Long.parseLong(arguments.get(0));
        }
        catch (NumberFormatException e) {
            throw new CommandException("'" + arguments.get(0) + "' is not an execution id (see the executions command)");
        }
        JobExecution restarted = executions.restart(id, options.containsOption("force"));
        audit.record("restart", "execution " + id, "restarted as execution " + restarted.getId() + ": " + restarted.getStatus());
        System.out.println("execution " + id + " restarted as execution " + restarted.getId() + ": " + restarted.getStatus());
        return executions.print(restarted);
    }
}
