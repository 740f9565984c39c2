package com.qualityreview.system;

import java.util.List;

import org.springframework.boot.ApplicationArguments;

/**
 * One command of the command line (SPEC section 10). Each feature contributes its own commands
 * as beans; the dispatcher picks one by name.
 */
public interface Command {

    String name();

    /** One line: the command's arguments and what it does. */
    String usage();

    /**
     * @param arguments the words after the command name
     * @param options   the whole command line, for {@code --name=value} options
     * @return the exit status: 0 for success
     * @throws CommandException with a one-line reason when the command cannot do its work
     */
    int run(List<String> arguments, ApplicationArguments options) throws Exception;
}
