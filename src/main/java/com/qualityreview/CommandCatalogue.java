package com.qualityreview;

import java.util.List;

import com.qualityreview.delivery.ResendCommand;
import com.qualityreview.demo.DemoCommand;
import com.qualityreview.execution.ExecutionsCommand;
import com.qualityreview.execution.RestartCommand;
import com.qualityreview.intake.ImportCommand;
import com.qualityreview.intake.InboundCommand;
import com.qualityreview.review.ReviewCommand;
import com.qualityreview.scale.WorkerCommand;
import com.qualityreview.scheduling.ServeCommand;
import com.qualityreview.security.EncodePasswordCommand;
import com.qualityreview.system.CommandSpec;

/**
 * Every command of the command line, known without starting the application: help and the checks
 * of a command line read it before Spring starts. A new {@code Command} bean adds its
 * {@code SPEC} here (CommandLineTests checks that this list and the beans agree).
 */
public final class CommandCatalogue {

    public static final List<CommandSpec> COMMANDS = List.of(ImportCommand.SPEC, InboundCommand.SPEC, ReviewCommand.SPEC,
            ExecutionsCommand.SPEC, RestartCommand.SPEC, ResendCommand.SPEC, ServeCommand.SPEC, DemoCommand.SPEC,
            EncodePasswordCommand.SPEC, WorkerCommand.SPEC);

    private CommandCatalogue() {
    }
}
