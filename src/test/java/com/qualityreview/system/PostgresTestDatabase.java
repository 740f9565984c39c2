package com.qualityreview.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import java.util.HashMap;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A PostgreSQL database of this test run's own, created on the server at
 * {@code QUALITY_TEST_POSTGRES_URL} (default 127.0.0.1:5432/test, user postgres) and dropped when
 * the JVM ends. Where no server answers, PostgreSQL tests are skipped with a message, unless
 * {@code QUALITY_REQUIRE_POSTGRES=true} (as in CI), where they fail instead.
 */
public final class PostgresTestDatabase implements ExecutionCondition {

    private static final String SERVER_URL = env("QUALITY_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = env("QUALITY_TEST_POSTGRES_USER", "postgres");
    private static final String PASSWORD = env("QUALITY_TEST_POSTGRES_PASSWORD", "");
    private static final boolean REQUIRED = Boolean.parseBoolean(env("QUALITY_REQUIRE_POSTGRES", "false"));

    private static final Map<String, String> databases = new HashMap<>();
    private static final String RUN = "qr_test_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis();
    private static String unavailable;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String problem = problem();
        if (problem == null) {
            return ConditionEvaluationResult.enabled("PostgreSQL at " + SERVER_URL);
        }
        if (REQUIRED) {
            throw new IllegalStateException("QUALITY_REQUIRE_POSTGRES=true but " + problem);
        }
        System.err.println("SKIPPED PostgreSQL tests: " + problem);
        return ConditionEvaluationResult.disabled("PostgreSQL tests skipped: " + problem);
    }

    /** The JDBC URL of this run's own database, created on first use. */
    public static String url() {
        return url("main");
    }

    /** Another database of this run's own, for tests that must not share one. */
    public static synchronized String url(String purpose) {
        String problem = problem();
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
        return databases.computeIfAbsent(purpose, p -> create(RUN + "_" + p, null));
    }

    /**
     * A copy of this run's database for {@code source}, as it is now, for {@code purpose}: the same
     * data without importing it again. Nothing may be connected to the source while it is copied.
     */
    public static synchronized String copy(String source, String purpose) {
        url(source);
        if (databases.containsKey(purpose)) {
            throw new IllegalStateException("the test database for " + purpose + " exists already");
        }
        String url = create(RUN + "_" + purpose, RUN + "_" + source);
        databases.put(purpose, url);
        return url;
    }

    /** Points a Spring test context at this run's database for {@code purpose}. */
    public static void register(DynamicPropertyRegistry registry, String purpose) {
        registry.add("spring.datasource.url", () -> url(purpose));
        registry.add("spring.datasource.username", PostgresTestDatabase::user);
        registry.add("spring.datasource.password", PostgresTestDatabase::password);
    }

    public static String user() {
        return USER;
    }

    public static String password() {
        return PASSWORD;
    }

    private static synchronized String problem() {
        if (unavailable != null || !databases.isEmpty()) {
            return unavailable;
        }
        try (Connection connection = DriverManager.getConnection(SERVER_URL, USER, PASSWORD)) {
            connection.isValid(5);
        }
        catch (SQLException e) {
            unavailable = "no PostgreSQL reachable at " + SERVER_URL + " as " + USER + " (" + e.getMessage() + ")";
        }
        return unavailable;
    }

    private static String create(String name, String template) {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = DriverManager.getConnection(SERVER_URL, USER, PASSWORD);
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + name + (template == null ? "" : " TEMPLATE " + template));
                break;
            }
            catch (SQLException e) {
                // A session that just closed may still be leaving the template (55006, "being accessed by other users").
                if (template != null && "55006".equals(e.getSQLState()) && attempt < 50) {
                    pause();
                    continue;
                }
                throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name)));
        int slash = SERVER_URL.lastIndexOf('/');
        int query = SERVER_URL.indexOf('?', slash);
        return SERVER_URL.substring(0, slash + 1) + name + (query < 0 ? "" : SERVER_URL.substring(query));
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void drop(String name) {
        try (Connection connection = DriverManager.getConnection(SERVER_URL, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
        catch (SQLException e) {
            System.err.println("could not drop test database " + name + ": " + e.getMessage());
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
