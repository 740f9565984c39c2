package com.qualityreview.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The built application as an administrator runs it, for fault tests: {@code java -jar
 * target/quality-review.jar <command> --name=value ...} in a folder of the test's own (reports,
 * outbox, inbound, uploads and logs land there) against a PostgreSQL database of the test's own.
 * Every child gets the same settings, so a restart sees what the killed run saw. Closing it kills
 * every child it started that still runs.
 */
public final class ApplicationUnderTest implements AutoCloseable {

    /** Starting a child JVM takes 10-25 s on a loaded 2-core machine; the jobs here take seconds more. */
    public static final Duration RUN_TIMEOUT = Duration.ofMinutes(4);

    /**
     * A killed execution stays STARTED in the job repository. These make it restartable after a
     * few seconds: once its lease, renewed every second while it ran, is three seconds old.
     */
    static final Map<String, String> QUICK_RECOVERY = Map.of("quality.jobs.lease-time", "PT3S",
            "quality.jobs.heartbeat-interval", "PT1S");

    /** What {@code restart} says while a killed execution cannot be restarted yet. */
    private static final Pattern NOT_RESTARTABLE_YET = Pattern.compile(
            "(?i)cannot be restarted while it runs|heartbeat");

    private static final Duration RESTART_PATIENCE = Duration.ofSeconds(60);

    /**
     * A modest heap, and the client compiler only: these children live for seconds, and on two
     * busy cores C1 alone starts them in about half the time and runs their jobs no slower.
     */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final Path folder;
    private final String databaseUrl;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final List<ApplicationProcess> children = new ArrayList<>();
    private SingleConnectionDataSource connection;

    public ApplicationUnderTest(Path folder, String databaseUrl) {
        try {
            this.folder = Files.createDirectories(folder).toAbsolutePath();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.databaseUrl = databaseUrl;
        properties.put("spring.datasource.url", databaseUrl);
        properties.put("spring.datasource.username", PostgresTestDatabase.user());
        properties.put("spring.datasource.password", PostgresTestDatabase.password());
        properties.put("quality.reports-dir", reportsDir().toString());
        properties.put("quality.outbox-dir", this.folder.resolve("outbox").toString());
        properties.put("quality.inbound-dir", inboundDir().toString());
        properties.put("quality.uploads-dir", this.folder.resolve("uploads").toString());
        properties.put("quality.rating-scheme", Path.of("jobs/star-rating.yml").toAbsolutePath().toString());
        properties.put("quality.stakeholders", Path.of("src/test/resources/review/no-stakeholders.yml").toAbsolutePath().toString());
        // Files land in the inbound folder moments before the scan: take them at once.
        properties.put("quality.inbound.settle-time", "PT0S");
        properties.putAll(QUICK_RECOVERY);
    }

    /** A setting every child started from now on gets, as {@code --name=value}. */
    public ApplicationUnderTest with(String name, String value) {
        properties.put(name, value);
        return this;
    }

    public Path folder() {
        return folder;
    }

    public Path reportsDir() {
        return folder.resolve("reports");
    }

    public Path inboundDir() {
        return folder.resolve("inbound");
    }

    /** The review's folder of SPEC section 10: {@code <reports-dir>/<period>/r<revision>/}. */
    public Path reviewFolder(String period, int revision) {
        return reportsDir().resolve(period).resolve("r" + revision);
    }

    /** Starts {@code java -jar target/quality-review.jar <arguments> --name=value...}; arguments may hold options of their own. */
    public synchronized ApplicationProcess start(String... arguments) {
        Path jar = jar();
        String name = String.format("%02d-%s", children.size() + 1, arguments.length == 0 ? "serve" : arguments[0]);
        Path log = folder.resolve("logs").resolve(name + ".log");
        List<String> command = new ArrayList<>();
        // The JVM running the test, so the child runs on the same Java.
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(JVM_OPTIONS);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(arguments));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        command.add("--logging.file.name=" + log);
        ApplicationProcess child = ApplicationProcess.start(name, command, folder, log);
        children.add(child);
        return child;
    }

    /** Runs a command to its end. */
    public Finished run(String... arguments) {
        ApplicationProcess child = start(arguments);
        return new Finished(child, child.awaitExit(RUN_TIMEOUT));
    }

    /** Runs a command that must succeed (exit status 0). */
    public Finished succeed(String... arguments) {
        Finished finished = run(arguments);
        if (finished.exitCode() != 0) {
            throw new AssertionError(String.join(" ", arguments) + " failed\n" + finished.diagnostics());
        }
        return finished;
    }

    /**
     * {@code restart <executionId>} as an administrator does after a crash, without {@code --force}:
     * while the application still takes the killed execution for running, it refuses; then this
     * waits a second and asks again, for up to a minute. Returns the first answer that is not such a
     * refusal (the caller checks its exit status).
     */
    public Finished restartWhenAllowed(long executionId) {
        long deadline = System.nanoTime() + RESTART_PATIENCE.toNanos();
        while (true) {
            Finished finished = run("restart", Long.toString(executionId));
            boolean refused = finished.exitCode() != 0 && NOT_RESTARTABLE_YET.matcher(finished.stderr()).find();
            if (!refused) {
                return finished;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("execution " + executionId + " could not be restarted within "
                        + RESTART_PATIENCE.toSeconds() + " s of its process being killed\n" + finished.diagnostics());
            }
            ApplicationProcess.pause(Duration.ofSeconds(1));
        }
    }

    /**
     * The same database, for assertions and for watching a child's progress: over one connection,
     * kept until {@link #close()} (a new connection per poll would fork a PostgreSQL backend every
     * few milliseconds and slow the child being watched).
     */
    public synchronized JdbcTemplate jdbc() {
        if (connection == null) {
            connection = new SingleConnectionDataSource(databaseUrl, PostgresTestDatabase.user(), PostgresTestDatabase.password(),
                    true);
        }
        return new JdbcTemplate(connection);
    }

    /**
     * A condition on the database for {@link ApplicationProcess#await}: false while it cannot be
     * answered yet (a child that just started may not have created the tables).
     */
    public BooleanSupplier database(Predicate<JdbcTemplate> condition) {
        JdbcTemplate jdbc = jdbc();
        return () -> {
            try {
                return condition.test(jdbc);
            }
            catch (DataAccessException e) {
                return false;
            }
        };
    }

    /** The newest execution of a job. */
    public long latestExecutionId(String jobName) {
        Long id = jdbc().queryForObject("SELECT MAX(e.JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION e"
                + " JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = ?", Long.class, jobName);
        if (id == null) {
            throw new AssertionError("no execution of " + jobName + " in the job repository");
        }
        return id;
    }

    public String executionStatus(long executionId) {
        return jdbc().queryForObject("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?", String.class, executionId);
    }

    /** Items a step of an execution read, as committed to the job repository. */
    public long readCount(long executionId, String step) {
        return jdbc().queryForObject("SELECT READ_COUNT FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? AND STEP_NAME = ?",
                Long.class, executionId, step);
    }

    /** The executions of the job instance of {@code executionId}, oldest first: id and status. */
    public List<Map<String, Object>> executionsOfInstance(long executionId) {
        return jdbc().queryForList("SELECT JOB_EXECUTION_ID AS id, STATUS AS status FROM BATCH_JOB_EXECUTION"
                + " WHERE JOB_INSTANCE_ID = (SELECT JOB_INSTANCE_ID FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?)"
                + " ORDER BY JOB_EXECUTION_ID", executionId);
    }

    /** Temporary files (*.tmp) anywhere under {@code root}: a write cut short that nobody finished or removed. */
    public static List<Path> temporaryFiles(Path root) {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".tmp")).sorted().toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        children.forEach(ApplicationProcess::close);
        if (connection != null) {
            connection.destroy();
            connection = null;
        }
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("quality.jar", "target/quality-review.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: fault tests run the packaged jar; build it with"
                    + " ./mvnw -B package -DskipTests, or run them with ./mvnw -B verify");
        }
        return jar;
    }

    /** A child that ended, with its exit status. */
    public record Finished(ApplicationProcess process, int exitCode) {

        public String stdout() {
            return process.stdout();
        }

        public String stderr() {
            return process.stderr();
        }

        public String diagnostics() {
            return process.diagnostics();
        }
    }
}
