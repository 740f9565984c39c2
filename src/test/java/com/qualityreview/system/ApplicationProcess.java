package com.qualityreview.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * One run of the built application jar as a child process, for fault tests: its standard output
 * and error go to files, it can be waited for (an output line, its exit) and killed with SIGKILL.
 * Closing it kills it if it still runs, and a shutdown hook kills every child still alive when the
 * test JVM ends, so a failing or timed-out test leaves no JVM behind.
 */
public final class ApplicationProcess implements AutoCloseable {

    private static final Set<Process> alive = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> alive.forEach(Process::destroyForcibly)));
    }

    private final String name;
    private final List<String> command;
    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final Path log;
    private final long started = System.nanoTime();

    private ApplicationProcess(String name, List<String> command, Process process, Path stdout, Path stderr, Path log) {
        this.name = name;
        this.command = command;
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.log = log;
    }

    /**
     * Starts {@code command} in {@code directory}; {@code name} names its output files there
     * ({@code <name>.out}, {@code <name>.err}); {@code log} is the log file it was told to write.
     */
    static ApplicationProcess start(String name, List<String> command, Path directory, Path log) {
        Path stdout = directory.resolve(name + ".out");
        Path stderr = directory.resolve(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        try {
            Process process = builder.start();
            alive.add(process);
            process.onExit().thenRun(() -> alive.remove(process));
            // Nothing is typed at a child: a command that read standard input must see its end, not wait.
            process.getOutputStream().close();
            ApplicationProcess child = new ApplicationProcess(name, command, process, stdout, stderr, log);
            child.say("started: " + String.join(" ", command.subList(command.indexOf("-jar") + 2, command.size()))
                    .replaceAll(" --spring\\.datasource.*", " ..."));
            return child;
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the child to end; one that does not within {@code timeout} is killed and the test fails. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
                throw new AssertionError(name + " did not end within " + timeout.toSeconds() + " s; killed it\n" + diagnostics());
            }
            say("ended with exit status " + process.exitValue());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            throw new AssertionError("interrupted while waiting for " + name, e);
        }
        return process.exitValue();
    }

    /** Waits until a line of standard output or error matches {@code pattern}, and returns it. */
    public String awaitOutput(Pattern pattern, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (String line : (stdout() + "\n" + stderr()).lines().toList()) {
                if (pattern.matcher(line).find()) {
                    return line;
                }
            }
            if (!process.isAlive()) {
                throw new AssertionError(name + " ended (exit " + process.exitValue() + ") without printing a line matching '"
                        + pattern + "'\n" + diagnostics());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " printed no line matching '" + pattern + "' within " + timeout.toSeconds()
                        + " s\n" + diagnostics());
            }
            pause(Duration.ofMillis(100));
        }
    }

    /**
     * Waits, while the child runs, until {@code condition} holds: the point a test kills it at
     * ("{@code what}"). Polls often, since such a point may last only a second or two. Fails
     * clearly when the child ends first (the point was missed) or the time is up.
     */
    public void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " ended (exit " + process.exitValue() + ") before " + what
                        + ": the point to kill it at was missed (more data or slower work would widen it)\n" + diagnostics());
            }
            if (System.nanoTime() > deadline) {
                String details = diagnostics();
                kill();
                throw new AssertionError("not " + what + " within " + timeout.toSeconds() + " s; killed " + name + "\n" + details);
            }
            pause(Duration.ofMillis(50));
        }
        say(what);
    }

    /** Asks the child to stop, as {@code kill}, {@code docker compose stop} and systemd do (SIGTERM on Linux); does not wait. */
    public void terminate() {
        say("SIGTERM");
        process.destroy();
    }

    /** Kills the child the way a crash or {@code kill -9} does (SIGKILL on Linux), and waits until it is gone. */
    public void kill() {
        say("SIGKILL");
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError(name + " (pid " + pid() + ") still runs 30 s after SIGKILL");
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String stdout() {
        return read(stdout);
    }

    public String stderr() {
        return read(stderr);
    }

    /** What a failure message needs: the command, how it ended, and the tails of its output and log. */
    public String diagnostics() {
        String state = process.isAlive() ? "still running" : "exit status " + process.exitValue();
        return "--- " + name + " (pid " + pid() + ", " + state + "): " + String.join(" ", command)
                + "\n--- standard output (tail):\n" + tail(stdout(), 40)
                + "\n--- standard error (tail):\n" + tail(stderr(), 40)
                + "\n--- log " + log + " (tail):\n" + tail(read(log), 60);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ")";
    }

    /** A line in the test's output, with the seconds since the child started: where the time goes, how a kill landed. */
    public void say(String event) {
        System.out.printf("[fault test] %s (pid %d) at %.1f s: %s%n", name, pid(), (System.nanoTime() - started) / 1e9, event);
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        }
        catch (IOException e) {
            // A log being written may end in the middle of a character.
            try {
                return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            }
            catch (IOException again) {
                return "(cannot read " + file + ": " + again.getMessage() + ")";
            }
        }
    }

    private static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
