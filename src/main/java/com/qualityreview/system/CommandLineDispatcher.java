package com.qualityreview.system;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Runs the command named by the first word of the command line and keeps its exit status. A
 * failure is printed as one line on standard error; the cause chain goes to the log file; an
 * audited command's failure is recorded in the audit log.
 */
@Component
class CommandLineDispatcher implements ApplicationRunner, ExitCodeGenerator {

    // Outside com.qualityreview: the log file gets the stack trace, the console only the one line.
    private static final Logger log = LoggerFactory.getLogger("quality.command");

    /** Options that say what an audited command was asked to do; any other (a password, say) stays out of the audit log. */
    private static final Set<String> AUDITED_OPTIONS = Set.of("revision", "to", "uncertain", "demo.month", "demo.folder", "serve");

    private final List<Command> commands;
    private final boolean serveWhenNoCommand;
    private final ApplicationEventPublisher events;
    private final String database;
    private int exitCode;

    CommandLineDispatcher(List<Command> commands, QualityProperties properties, ApplicationEventPublisher events,
            @Value("${spring.datasource.url:}") String database) {
        this.commands = commands.stream().sorted(Comparator.comparing(Command::name)).toList();
        this.serveWhenNoCommand = properties.serveWhenNoCommand();
        this.events = events;
        this.database = database;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        List<String> words = arguments.getNonOptionArgs().isEmpty() && serveWhenNoCommand
                ? List.of("serve") : arguments.getNonOptionArgs();
        // Help and unknown commands are answered before start-up (QualityReviewApplication); here only
        // for a context started without a command where quality.serve-when-no-command is false.
        Optional<Command> command = words.isEmpty() ? Optional.empty()
                : commands.stream().filter(c -> c.name().equals(words.get(0))).findFirst();
        if (command.isEmpty()) {
            System.err.println(words.isEmpty() ? usage() : "error: unknown command '" + words.get(0) + "'");
            exitCode = CommandLineUsage.USAGE_ERROR;
            return;
        }
        try {
            exitCode = command.get().run(words.subList(1, words.size()), arguments);
            if (exitCode == 0 && command.get().thenServe(arguments)) {
                Command serve = commands.stream().filter(c -> c.name().equals("serve")).findFirst().orElseThrow();
                exitCode = serve.run(List.of(), arguments);
            }
        }
        catch (UsageException e) {
            // Words the checks before start-up could not see wrong (they call the same parsing): not work that failed.
            System.err.println("error: " + e.getMessage());
            System.err.println("see '" + CommandLineUsage.LAUNCH + " help " + command.get().name() + "' for its arguments and options");
            exitCode = CommandLineUsage.USAGE_ERROR;
        }
        catch (Exception e) {
            String line = e instanceof CommandException ? e.getMessage() : CommandException.oneLine(e, database);
            if (e instanceof CommandException && e.getCause() == null) {
                log.info("{} failed: {}", words.get(0), line);
            }
            else {
                log.error("{} failed: {}", words.get(0), line, e);
            }
            System.err.println("error: " + line);
            exitCode = 1;
            if (command.get().audited()) {
                recordFailure(command.get(), words, arguments,
                        (e instanceof ConflictException || e instanceof NotFoundException ? "refused: " : "failed: ") + line);
            }
        }
    }

    private void recordFailure(Command command, List<String> words, ApplicationArguments arguments, String outcome) {
        String target = Stream.concat(words.subList(1, words.size()).stream(), arguments.getOptionNames().stream().sorted()
                .filter(AUDITED_OPTIONS::contains)
                .map(name -> "--" + name + (arguments.getOptionValues(name).isEmpty() ? "" : "=" + arguments.getOptionValues(name).get(0))))
                .collect(Collectors.joining(" "));
        try {
            events.publishEvent(new Audited(command.name(), target, outcome));
        }
        catch (RuntimeException e) {
            // The database that failed the command may refuse the record too: the log keeps it.
            log.warn("could not record in the audit log that {} {} {}: {}", command.name(), target, outcome, CommandException.oneLine(e));
        }
    }


    String usage() {
        return CommandLineUsage.usage(commands.stream().map(Command::spec).toList());
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
