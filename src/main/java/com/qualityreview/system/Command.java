package com.qualityreview.system;

import java.util.Arrays;
import java.util.List;

import org.springframework.boot.ApplicationArguments;

/**
 * One command of the command line (SPEC section 10). Each feature contributes its own commands
 * as beans; the dispatcher picks one by name.
 */
public interface Command {

    /** Name, arguments, options and summary: the one declaration help and the checks before start-up read too. */
    CommandSpec spec();

    default String name() {
        return spec().name();
    }

    /**
     * @param arguments the words after the command name
     * @param options   the whole command line, for {@code --name=value} options
     * @return the exit status: 0 for success
     * @throws CommandException with a one-line reason when the command cannot do its work
     */
    int run(List<String> arguments, ApplicationArguments options) throws Exception;

    /**
     * Whether a run is an administrator's action for the audit log (it changes data or sends mail).
     * Its feature records the outcome when it succeeds ({@link Audited}); the dispatcher records it when it fails.
     */
    default boolean audited() {
        return false;
    }

    /** Whether a successful run goes on serving the console, API and schedules ({@code demo --serve}). */
    default boolean thenServe(ApplicationArguments options) {
        return false;
    }

    /**
     * Whether this command line serves HTTP: {@code serve}, no command at all, or a command asked
     * to go on serving. Decided before the application starts, so other commands start no web server.
     */
    static boolean servesHttp(String... args) {
        List<String> words = Arrays.stream(args).filter(a -> !a.startsWith("--")).toList();
        return words.isEmpty() || words.get(0).equals("serve")
                || words.get(0).equals("demo") && Arrays.asList(args).contains("--serve");
    }
}
