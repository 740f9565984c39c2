package com.qualityreview.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

import com.qualityreview.system.ApplicationProcess;
import com.qualityreview.system.ApplicationUnderTest;
import com.qualityreview.system.PostgresTestDatabase;
import com.qualityreview.system.RabbitTestBroker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code worker} command as an administrator runs it, the built jar in a process of its own
 * against the real RabbitMQ server and PostgreSQL: SIGTERM ends it normally (status 0, after its
 * consumers stopped), and a broker that does not answer ends it at once with status 1 and one line.
 */
@ExtendWith({PostgresTestDatabase.class, RabbitTestBroker.class})
class WorkerFaultIT {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path folder;

    @Test
    void sigtermStopsAWorkerWithStatusZero() throws Exception {
        try (ApplicationUnderTest application = rabbitmq(new ApplicationUnderTest(folder.resolve("app"),
                PostgresTestDatabase.url("worker_signal")), RabbitTestBroker.queue("worker-signal"))) {
            ApplicationProcess worker = application.start("worker");
            worker.awaitOutput(Pattern.compile("worker: running partitions from queue .+ at RabbitMQ 127\\.0\\.0\\.1:\\d+, 1 at a time"),
                    ApplicationUnderTest.RUN_TIMEOUT);

            worker.terminate();

            assertThat(worker.awaitExit(Duration.ofSeconds(60))).as(worker.diagnostics()).isZero();
            assertThat(worker.stdout()).contains("worker stopped: 0 partitions run, 0 requests dropped");
        }
    }

    @Test
    void aWorkerWhoseBrokerDoesNotAnswerEndsAtOnceWithStatusOneAndOneLine() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try (ApplicationUnderTest application = rabbitmq(new ApplicationUnderTest(folder.resolve("app"),
                PostgresTestDatabase.url("worker_no_broker")), RabbitTestBroker.queue("worker-no-broker"))
                .with("spring.rabbitmq.port", Integer.toString(closedPort))) {
            ApplicationUnderTest.Finished worker = application.run("worker");

            assertThat(worker.exitCode()).as(worker.diagnostics()).isEqualTo(1);
            assertThat(worker.stderr().strip()).isEqualTo("error: cannot reach RabbitMQ at 127.0.0.1:" + closedPort + " (connection refused):"
                    + " start it, check spring.rabbitmq.host, port, username and password, or use quality.scale.mode=local");
        }
    }

    private static ApplicationUnderTest rabbitmq(ApplicationUnderTest application, String queue) {
        for (String option : RabbitTestBroker.settings(queue)) {
            int equals = option.indexOf('=');
            application.with(option.substring(2, equals), option.substring(equals + 1));
        }
        return application;
    }
}
