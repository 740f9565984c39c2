package com.qualityreview.system;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The command line checked before the application starts, from the commands' {@link CommandSpec}s
 * alone: help is answered and a wrong command line refused in a moment, without a database, jobs
 * or mail. Only a command line that passes starts Spring.
 */
public final class CommandLineUsage {

    public static final String LAUNCH = "java -jar target/quality-review.jar";

    public static final int USAGE_ERROR = 2;

    static final String SETTINGS_AND_EXIT_STATUS = """
            settings: any setting can be given as --name=value, e.g. --quality.zone=Asia/Shanghai or
              --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/quality (README, Configuration);
              --debug and --trace log more.

            exit status:
              0  done
              1  the work failed: a job FAILED or STOPPED, an action was refused, or a setting, file or
                 database is wrong (the one line on standard error says which; the log has the cause)
              2  the command line is wrong: unknown command, kind or option, a missing or bad argument
              3  done, but something needs a person: deliveries failed or uncertain, an inbound file failed
            """;

    /** Spring Boot's own options that have no dot in their name. */
    private static final List<String> SPRING_BOOT_SWITCHES = List.of("debug", "trace");

    /** Namespaces of options that must be declared (by the command or as a setting): a misspelling there is refused. */
    private static final List<String> CHECKED_NAMESPACES = List.of("quality", "demo");

    private CommandLineUsage() {
    }

    /** What to do with a command line. */
    public sealed interface Verdict permits Help, Refused, Start {
    }

    /** Print this on standard output and exit 0. */
    public record Help(String text) implements Verdict {
    }

    /** Print this on standard error and exit 2. */
    public record Refused(String reason, String hint) implements Verdict {
        public String text() {
            return "error: " + reason + System.lineSeparator() + hint;
        }
    }

    /** The command line is right as far as can be told without the application: start it. */
    public record Start() implements Verdict {
    }

    /**
     * @param settings the known {@code quality.*} settings, read only when an option needs them
     */
    public static Verdict check(List<CommandSpec> commands, Supplier<KnownSettings> settings, String... args) {
        List<String> words = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        boolean helpAsked = false;
        for (String arg : args) {
            if (arg.equals("-h") || arg.equals("--help")) {
                helpAsked = true;
            }
            else if (arg.startsWith("--")) {
                int equals = arg.indexOf('=');
                String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
                if (name.isEmpty()) {
                    return refused("'" + arg + "' is not an option (--name=value)", Optional.empty());
                }
                options.put(name, equals < 0 ? null : arg.substring(equals + 1));
            }
            else {
                words.add(arg);
            }
        }
        if (!words.isEmpty() && words.get(0).equals("help")) {
            if (words.size() > 2) {
                return refused("help takes at most one command, was given '" + String.join(" ", words.subList(1, words.size())) + "'",
                        Optional.empty());
            }
            return words.size() == 1 ? new Help(usage(commands)) : helpOf(commands, words.get(1));
        }
        if (helpAsked) {
            return words.isEmpty() ? new Help(usage(commands)) : helpOf(commands, words.get(0));
        }
        // No command: serve (or this usage, where quality.serve-when-no-command is false), with serve's options.
        String name = words.isEmpty() ? "serve" : words.get(0);
        Optional<CommandSpec> found = find(commands, name);
        if (found.isEmpty()) {
            return unknownCommand(commands, name);
        }
        CommandSpec command = found.get();
        for (Map.Entry<String, String> option : options.entrySet()) {
            Optional<String> wrong = checkOption(command, option.getKey(), option.getValue(), settings);
            if (wrong.isPresent()) {
                return refused(wrong.get(), Optional.of(command));
            }
        }
        try {
            command.checkWords(words.isEmpty() ? List.of() : words.subList(1, words.size()), options);
        }
        catch (UsageException e) {
            return refused(e.getMessage(), Optional.of(command));
        }
        return new Start();
    }

    private static Optional<String> checkOption(CommandSpec command, String name, String value, Supplier<KnownSettings> settings) {
        Optional<CommandSpec.Option> own = command.option(name);
        if (own.isPresent()) {
            if (own.get().takesValue() && (value == null || value.isEmpty())) {
                return Optional.of("--" + name + " needs a value: " + own.get().synopsis());
            }
            if (!own.get().takesValue() && value != null) {
                return Optional.of("--" + name + " takes no value: give --" + name + " alone, or leave it out");
            }
            return Optional.empty();
        }
        if (SPRING_BOOT_SWITCHES.contains(name)) {
            return Optional.empty();
        }
        List<String> commandOptions = Stream.concat(command.options().stream().map(CommandSpec.Option::name),
                SPRING_BOOT_SWITCHES.stream()).toList();
        String namespace = name.contains(".") ? name.substring(0, name.indexOf('.')) : "";
        if (namespace.equalsIgnoreCase("quality")) {
            KnownSettings known = settings.get();
            if (known.knows(name)) {
                return Optional.empty();
            }
            // quality.user[0].name: the list's name is what to compare (its elements' names are not in the metadata).
            String compared = name.contains("[") ? name.substring(0, name.indexOf('[')) : name;
            return Optional.of("unknown setting --" + name + didYouMean(compared, known.names()));
        }
        if (!name.contains(".")) {
            return Optional.of("unknown option --" + name + " for " + command.name() + didYouMean(name, commandOptions));
        }
        if (CHECKED_NAMESPACES.stream().anyMatch(checked -> namespace.equalsIgnoreCase(checked) || close(namespace, checked))) {
            // demo.*, or a misspelt quality./demo. prefix (--qualty.zone): the command's options and the settings.
            List<String> candidates = Stream.concat(commandOptions.stream(), settings.get().names().stream()).toList();
            return Optional.of("unknown option --" + name + " for " + command.name()
                    + didYouMean(KnownSettings.withoutIndices(name), candidates));
        }
        // spring.*, server.*, logging.*, management.* and the like: Spring Boot's own properties.
        return Optional.empty();
    }

    private static Verdict helpOf(List<CommandSpec> commands, String name) {
        return find(commands, name).<Verdict>map(command -> new Help(command.help())).orElseGet(() -> unknownCommand(commands, name));
    }

    private static Verdict unknownCommand(List<CommandSpec> commands, String name) {
        List<String> names = Stream.concat(commands.stream().map(CommandSpec::name), Stream.of("help")).toList();
        String reason = "unknown command '" + name + "'";
        Optional<String> nearest = nearest(name, names);
        return refused(nearest.map(n -> reason + "; did you mean " + n + "?").orElse(reason + "; the commands are "
                + String.join(", ", names)), Optional.empty());
    }

    private static Refused refused(String reason, Optional<CommandSpec> command) {
        return new Refused(reason, "see '" + LAUNCH + " help" + command.map(c -> " " + c.name()).orElse("") + "'"
                + command.map(c -> " for its arguments and options").orElse(" for the commands"));
    }

    private static Optional<CommandSpec> find(List<CommandSpec> commands, String name) {
        return commands.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    private static String didYouMean(String wrong, Collection<String> candidates) {
        return nearest(wrong, candidates).map(n -> "; did you mean --" + n + "?").orElse("");
    }

    /** The candidate nearest to a misspelt name, when near enough to be what was meant. */
    static Optional<String> nearest(String wrong, Collection<String> candidates) {
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        String typed = wrong.toLowerCase(Locale.ROOT);
        return candidates.stream().filter(candidate -> close(typed, candidate.toLowerCase(Locale.ROOT)))
                .min(Comparator.comparingInt((String candidate) -> distance.apply(typed, candidate.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()));
    }

    /** Near enough to be a slip of the keyboard: at most one edit in three letters (one at least). */
    private static boolean close(String typed, String candidate) {
        int allowed = Math.max(1, Math.min(typed.length(), candidate.length()) / 3);
        return LevenshteinDistance.getDefaultInstance().apply(typed.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT)) <= allowed;
    }

    /** The general usage: every command with its arguments and options and what it does, the settings, the exit statuses. */
    public static String usage(List<CommandSpec> commands) {
        StringBuilder text = new StringBuilder("usage: " + LAUNCH + " <command> [arguments] [--option=value ...] [--setting=value ...]\n\ncommands:\n");
        for (CommandSpec command : commands.stream().sorted(Comparator.comparing(CommandSpec::name)).toList()) {
            text.append("  ").append(command.synopsis()).append('\n').append("      ").append(command.summary()).append('\n');
        }
        text.append("  help [<command>]\n      this text, or one command's arguments and options (also --help or -h)\n")
                .append("with no command: serve\n\n");
        return text.append(SETTINGS_AND_EXIT_STATUS).toString();
    }
}
