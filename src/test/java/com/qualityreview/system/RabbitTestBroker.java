package com.qualityreview.system;

import java.util.ArrayList;
import java.util.List;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The RabbitMQ server at {@code QUALITY_TEST_RABBITMQ_HOST}:{@code QUALITY_TEST_RABBITMQ_PORT}
 * (default 127.0.0.1:5672, guest/guest), shared by concurrent test runs: every test takes queues
 * of its own ({@link #queue(String)}), deleted when the JVM ends. Where no server answers, RabbitMQ
 * tests are skipped with a message, unless {@code QUALITY_REQUIRE_RABBITMQ=true} (as in CI), where
 * they fail instead.
 */
public final class RabbitTestBroker implements ExecutionCondition {

    private static final String HOST = env("QUALITY_TEST_RABBITMQ_HOST", "127.0.0.1");
    private static final int PORT = Integer.parseInt(env("QUALITY_TEST_RABBITMQ_PORT", "5672"));
    private static final String USER = env("QUALITY_TEST_RABBITMQ_USER", "guest");
    private static final String PASSWORD = env("QUALITY_TEST_RABBITMQ_PASSWORD", "guest");
    private static final boolean REQUIRED = Boolean.parseBoolean(env("QUALITY_REQUIRE_RABBITMQ", "false"));

    private static final String RUN = "qr_test_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis();
    private static final List<String> queues = new ArrayList<>();
    private static boolean checked;
    private static String unavailable;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String problem = problem();
        if (problem == null) {
            return ConditionEvaluationResult.enabled("RabbitMQ at " + HOST + ":" + PORT);
        }
        if (REQUIRED) {
            throw new IllegalStateException("QUALITY_REQUIRE_RABBITMQ=true but " + problem);
        }
        System.err.println("SKIPPED RabbitMQ tests: " + problem);
        return ConditionEvaluationResult.disabled("RabbitMQ tests skipped: " + problem);
    }

    /** A queue name of this test run's own for {@code purpose}, deleted from the broker when the JVM ends. */
    public static synchronized String queue(String purpose) {
        String queue = RUN + "_" + purpose;
        if (queues.isEmpty()) {
            Runtime.getRuntime().addShutdownHook(new Thread(RabbitTestBroker::deleteQueues));
        }
        if (!queues.contains(queue)) {
            queues.add(queue);
        }
        return queue;
    }

    /** The settings that point an application at this broker and at {@code queue}, as command-line options. */
    public static List<String> settings(String queue) {
        return List.of("--spring.rabbitmq.host=" + HOST, "--spring.rabbitmq.port=" + PORT, "--spring.rabbitmq.username=" + USER,
                "--spring.rabbitmq.password=" + PASSWORD, "--quality.scale.mode=rabbitmq", "--quality.scale.queue=" + queue);
    }

    /** Messages waiting in a queue (0 for a queue that does not exist). */
    public static long waiting(String queue) {
        try (Connection connection = connections().newConnection(); Channel channel = connection.createChannel()) {
            return channel.queueDeclarePassive(queue).getMessageCount();
        }
        catch (Exception e) {
            return 0;
        }
    }

    /** Consumers of a queue now (0 for a queue that does not exist). */
    public static long consumers(String queue) {
        try (Connection connection = connections().newConnection(); Channel channel = connection.createChannel()) {
            return channel.queueDeclarePassive(queue).getConsumerCount();
        }
        catch (Exception e) {
            return 0;
        }
    }

    /** Publishes a text message to a queue, as a redelivery from the broker would bring it to a worker. */
    public static void publish(String queue, String text) throws Exception {
        try (Connection connection = connections().newConnection(); Channel channel = connection.createChannel()) {
            channel.basicPublish("", queue, null, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static ConnectionFactory connections() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(HOST);
        factory.setPort(PORT);
        factory.setUsername(USER);
        factory.setPassword(PASSWORD);
        factory.setConnectionTimeout(3000);
        return factory;
    }

    private static synchronized String problem() {
        if (checked) {
            return unavailable;
        }
        checked = true;
        try (Connection connection = connections().newConnection()) {
            connection.isOpen();
        }
        catch (Exception e) {
            unavailable = "no RabbitMQ reachable at " + HOST + ":" + PORT + " as " + USER + " (" + e + ")";
        }
        return unavailable;
    }

    private static synchronized void deleteQueues() {
        try (Connection connection = connections().newConnection(); Channel channel = connection.createChannel()) {
            for (String queue : queues) {
                channel.queueDelete(queue);
            }
        }
        catch (Exception e) {
            System.err.println("could not delete test queues " + queues + ": " + e.getMessage());
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
