package com.qualityreview.system;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * Runs the command named by the first word of the command line and keeps its exit status. A
 * failure is printed as one line on standard error; the details go to the log.
 */
@Component
class CommandLineDispatcher implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(CommandLineDispatcher.class);

    private final List<Command> commands;
    private final boolean serveWhenNoCommand;
    private int exitCode;

    CommandLineDispatcher(List<Command> commands,
            @org.springframework.beans.factory.annotation.Value("${quality.serve-when-no-command:true}") boolean serveWhenNoCommand) {
        this.commands = commands.stream().sorted(Comparator.comparing(Command::name)).toList();
        this.serveWhenNoCommand = serveWhenNoCommand;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        List<String> words = arguments.getNonOptionArgs().isEmpty() && serveWhenNoCommand
                ? List.of("serve") : arguments.getNonOptionArgs();
        if (words.isEmpty() || words.get(0).equals("help")) {
            System.out.println(usage());
            exitCode = words.isEmpty() ? 2 : 0;
            return;
        }
        Optional<Command> command = commands.stream().filter(c -> c.name().equals(words.get(0))).findFirst();
        if (command.isEmpty()) {
            System.err.println("error: unknown command '" + words.get(0) + "'");
            System.err.println(usage());
            exitCode = 2;
            return;
        }
        try {
            exitCode = command.get().run(words.subList(1, words.size()), arguments);
            if (exitCode == 0 && command.get().thenServe(arguments)) {
                Command serve = commands.stream().filter(c -> c.name().equals("serve")).findFirst().orElseThrow();
                exitCode = serve.run(List.of(), arguments);
            }
        }
        catch (CommandException e) {
            System.err.println("error: " + e.getMessage());
            exitCode = 1;
        }
        catch (Exception e) {
            log.debug("command failed", e);
            System.err.println("error: " + CommandException.oneLine(e));
            exitCode = 1;
        }
    }


    String usage() {
        StringBuilder text = new StringBuilder("usage: java -jar target/quality-review.jar <command> [--property=value ...]\ncommands:");
        for (Command command : commands) {
            text.append("\n  ").append(command.name()).append(' ').append(command.usage());
        }
        return text.toString();
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
