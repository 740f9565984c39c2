package com.qualityreview.system;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a command is, declared once as a constant of its command class: name, arguments, options,
 * what it does and the checks of its words that need no database. The help text, the checks made
 * before the application starts ({@link CommandLineUsage}) and the running command all read it,
 * so they cannot drift apart.
 *
 * @param arguments the positional arguments, each required, such as {@code <period>}
 * @param check     checks the arguments and option values (throws {@link UsageException}); the
 *                  command calls the same parsing when it runs
 */
public record CommandSpec(String name, List<String> arguments, String summary, List<Option> options, WordCheck check) {

    public CommandSpec {
        arguments = List.copyOf(arguments);
        options = List.copyOf(options);
    }

    public CommandSpec(String name, List<String> arguments, String summary, List<Option> options) {
        this(name, arguments, summary, options, (words, values) -> { });
    }

    /** Checks a command's words without a database: arguments and option values as typed. */
    @FunctionalInterface
    public interface WordCheck {
        /**
         * @param options option name to its value ({@code null} for a switch given without one)
         * @throws UsageException naming the argument or option and what it should be
         */
        void check(List<String> arguments, Map<String, String> options);
    }

    /**
     * One option: {@code --name=VALUE} when it takes a value, a switch {@code --name} when
     * {@code value} is {@code null}.
     */
    public record Option(String name, String value, String description) {

        public static Option valued(String name, String value, String description) {
            return new Option(name, value, description);
        }

        public static Option flag(String name, String description) {
            return new Option(name, null, description);
        }

        public boolean takesValue() {
            return value != null;
        }

        public String synopsis() {
            return "--" + name + (takesValue() ? "=" + value : "");
        }
    }

    public Optional<Option> option(String optionName) {
        return options.stream().filter(o -> o.name().equals(optionName)).findFirst();
    }

    /** {@code review <period> [--revision=N]} */
    public String synopsis() {
        return name + arguments.stream().map(a -> " " + a).collect(Collectors.joining())
                + options.stream().map(o -> " [" + o.synopsis() + "]").collect(Collectors.joining());
    }

    /** The command's own help: synopsis, what it does, each option. */
    public String help() {
        StringBuilder text = new StringBuilder("usage: ").append(CommandLineUsage.LAUNCH).append(' ').append(synopsis())
                .append(" [--setting=value ...]\n\n").append(summary).append('\n');
        if (!options.isEmpty()) {
            text.append("\noptions:\n");
            int width = options.stream().mapToInt(o -> o.synopsis().length()).max().orElse(0);
            options.forEach(o -> text.append("  ").append(pad(o.synopsis(), width)).append("  ").append(o.description()).append('\n'));
        }
        return text.append('\n').append(CommandLineUsage.SETTINGS_AND_EXIT_STATUS).toString();
    }

    /**
     * Checks the number of arguments, then the arguments and option values.
     *
     * @throws UsageException naming what is missing, extra or wrong
     */
    public void checkWords(List<String> given, Map<String, String> optionValues) {
        if (given.size() < arguments.size()) {
            throw new UsageException(name + " needs " + String.join(" ", arguments.subList(given.size(), arguments.size())) + ": "
                    + synopsis());
        }
        if (given.size() > arguments.size()) {
            throw new UsageException(name + " takes " + (arguments.isEmpty() ? "no arguments" : arguments.size() == 1
                    ? "one argument" : arguments.size() + " arguments") + ", was given '" + String.join(" ", given.subList(
                    arguments.size(), given.size())) + "' too: " + synopsis());
        }
        check.check(given, optionValues);
    }

    static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
