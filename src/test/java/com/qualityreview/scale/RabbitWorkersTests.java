package com.qualityreview.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.qualityreview.QualityReviewApplication;
import com.qualityreview.system.CommandException;
import com.qualityreview.system.Leases;
import com.qualityreview.system.PostgresTestDatabase;
import com.qualityreview.system.RabbitTestBroker;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Partitions on worker processes over the real RabbitMQ server (skipped with a message where none
 * answers, mandatory in CI): a manager context in rabbitmq mode and worker contexts, as the
 * {@code worker} command runs them, share one PostgreSQL database and a queue of the test's own.
 * The partitioned job is a test job ({@link PartitionTestJob}) built like the review's steps.
 */
@ExtendWith({PostgresTestDatabase.class, RabbitTestBroker.class})
class RabbitWorkersTests {

    private static final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private static String queue;
    private static ConfigurableApplicationContext manager;
    private static ConfigurableApplicationContext workerA;
    private static ConfigurableApplicationContext workerB;

    @BeforeAll
    static void startManagerAndTwoWorkers() {
        queue = RabbitTestBroker.queue("workers");
        manager = start("manager", RabbitTestBroker.settings(queue));
        workerA = start("A", RabbitTestBroker.settings(queue));
        workerB = start("B", RabbitTestBroker.settings(queue));
        workerA.getBean(PartitionConsumers.class).consume();
        workerB.getBean(PartitionConsumers.class).consume();
    }

    @AfterAll
    static void stopAll() {
        PartitionTestJob.RELEASE.countDown();
        contexts.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void everyPartitionCompletesAndBothWorkersRunSome() throws Exception {
        JobExecution run = launch(manager);

        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<StepExecution> partitions = partitions(manager, run);
        // quality.scale.partitions=4: SimplePartitioner's partition0..partition3, each a step execution of testPartition.
        assertThat(partitions).extracting(StepExecution::getStepName).containsExactlyInAnyOrder(
                "testPartition:partition0", "testPartition:partition1", "testPartition:partition2", "testPartition:partition3");
        assertThat(partitions).allSatisfy(p -> assertThat(p.getStatus()).isEqualTo(BatchStatus.COMPLETED));
        // Two consumers with prefetch 1 and partitions of 1.5 s: each worker takes some of the four.
        assertThat(partitions.stream().map(p -> p.getExecutionContext().getString(PartitionTestJob.RAN_BY)).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("A", "B");
        assertThat(partitions).allSatisfy(p -> assertThat(PartitionWorker.of(p)).contains("partition-worker-"));
    }

    @Test
    void aPartitionThatFailsOnAWorkerFailsTheJobAndRestartRunsOnlyThatPartition() throws Exception {
        PartitionTestJob.FAIL_ONCE.set("testPartition:partition2");

        JobExecution failed = launch(manager);

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(partitions(manager, failed)).allSatisfy(p -> assertThat(p.getStatus())
                .isEqualTo(p.getStepName().equals("testPartition:partition2") ? BatchStatus.FAILED : BatchStatus.COMPLETED));
        assertThat(partitions(manager, failed)).filteredOn(p -> p.getStatus() == BatchStatus.FAILED).singleElement()
                .satisfies(p -> assertThat(p.getExitStatus().getExitDescription()).contains("test failure in testPartition:partition2"));

        JobExecution restarted = manager.getBean(JobOperator.class).restart(failed);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(partitions(manager, restarted)).extracting(StepExecution::getStepName).containsExactly("testPartition:partition2");
    }

    @Test
    void aRedeliveredRequestForAPartitionThatRanIsAcknowledgedAndDropped() throws Exception {
        JobExecution run = launch(manager);
        StepExecution done = partitions(manager, run).get(0);
        int droppedBefore = dropped();

        RabbitTestBroker.publish(queue, PartitionTestJob.WORKER_STEP + " " + done.getId());

        await(Duration.ofSeconds(20), () -> dropped() == droppedBefore + 1);
        assertThat(RabbitTestBroker.waiting(queue)).isZero();
        StepExecution after = manager.getBean(JobRepository.class).getStepExecution(done.getId());
        assertThat(after.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(after.getVersion()).isEqualTo(done.getVersion());
    }

    @Test
    void aWorkerThatStopsHeartbeatingIsDetectedWithinTheTimeoutAndRestartRunsOnlyItsPartition() throws Exception {
        String deadQueue = RabbitTestBroker.queue("dead-worker");
        List<String> settings = Stream.concat(RabbitTestBroker.settings(deadQueue).stream(), Stream.of(
                "--quality.scale.partitions=2", "--quality.scale.worker-timeout=PT3S", "--quality.scale.worker-concurrency=2")).toList();
        ConfigurableApplicationContext deadManager = start("manager", settings);
        ConfigurableApplicationContext worker = start("C", settings);
        worker.getBean(PartitionConsumers.class).consume();
        PartitionTestJob.STALLED = new CountDownLatch(1);
        PartitionTestJob.RELEASE = new CountDownLatch(1);
        PartitionTestJob.STALL_ONCE.set("testPartition:partition0");

        CompletableFuture<JobExecution> running = launchAsync(deadManager);
        assertThat(PartitionTestJob.STALLED.await(60, TimeUnit.SECONDS)).isTrue();
        // The worker's process "dies": its heartbeat stops while partition0 runs; partition1 completes meanwhile.
        worker.getBean(Leases.class).stop();
        long stoppedAt = System.nanoTime();
        // Lease 3 s old (quality.scale.worker-timeout) + one heartbeat interval (0.5 s, test settings) it may
        // have been renewed just before + one poll (0.2 s) + margin for a loaded machine: 10 s.
        JobExecution failed = running.get(10, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - stoppedAt)).isLessThan(Duration.ofSeconds(10));

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        String why = failed.getAllFailureExceptions().stream().map(CommandException::oneLine).collect(Collectors.joining(" | "));
        assertThat(why).contains("partition testPartition:partition0 was lost: its worker ")
                .contains("partition-worker-").contains("has not renewed its lease for ")
                .contains("(quality.scale.worker-timeout 3 s)").contains("'restart " + failed.getId() + "'");
        assertThat(partitions(deadManager, failed)).extracting(StepExecution::getStepName, StepExecution::getStatus)
                .containsExactlyInAnyOrder(tuple("testPartition:partition0", BatchStatus.FAILED),
                        tuple("testPartition:partition1", BatchStatus.COMPLETED));

        // The worker comes back (its stalled run ends, its heartbeat resumes): a restart runs partition0 only.
        PartitionTestJob.RELEASE.countDown();
        worker.getBean(Leases.class).start();
        JobExecution restarted = deadManager.getBean(JobOperator.class).restart(failed);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(partitions(deadManager, restarted)).extracting(StepExecution::getStepName)
                .containsExactly("testPartition:partition0");
        close(worker, deadManager);
    }

    @Test
    void stoppingAWorkerTakesNoMoreRequestsAndLetsItsRunningPartitionFinish() throws Exception {
        String stopQueue = RabbitTestBroker.queue("graceful-stop");
        List<String> settings = Stream.concat(RabbitTestBroker.settings(stopQueue).stream(),
                Stream.of("--quality.scale.partitions=1")).toList();
        ConfigurableApplicationContext stopManager = start("manager", settings);
        ConfigurableApplicationContext worker = start("D", settings);
        PartitionConsumers consumers = worker.getBean(PartitionConsumers.class);
        consumers.consume();
        PartitionTestJob.STALLED = new CountDownLatch(1);
        PartitionTestJob.RELEASE = new CountDownLatch(1);
        PartitionTestJob.STALL_ONCE.set("testPartition:partition0");
        CompletableFuture<JobExecution> running = launchAsync(stopManager);
        assertThat(PartitionTestJob.STALLED.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(RabbitTestBroker.consumers(stopQueue)).isEqualTo(1);

        // What SIGTERM does through the worker command (and the application closing): stop the consumers.
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(consumers::stop);
        Thread.sleep(1000);
        assertThat(stopping).as("stop waits for the running partition").isNotDone();
        assertThat(RabbitTestBroker.consumers(stopQueue)).as("consumer cancelled at once").isZero();
        PartitionTestJob.RELEASE.countDown();
        stopping.get(30, TimeUnit.SECONDS);

        assertThat(consumers.isRunning()).isFalse();
        assertThat(consumers.partitionsRun()).isEqualTo(1);
        JobExecution done = running.get(30, TimeUnit.SECONDS);
        assertThat(done.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(partitions(stopManager, done)).singleElement().satisfies(p -> {
            assertThat(p.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(p.getExecutionContext().getString(PartitionTestJob.RAN_BY)).isEqualTo("D");
        });
        close(worker, stopManager);
    }

    @Test
    void aJobWhoseQueueNoWorkerListensOnFailsAfterTheWorkerTimeoutNamingThePartitionsAndRestartRunsThemOnceOneListens()
            throws Exception {
        String idleQueue = RabbitTestBroker.queue("no-worker");
        List<String> settings = Stream.concat(RabbitTestBroker.settings(idleQueue).stream(),
                Stream.of("--quality.scale.partitions=2", "--quality.scale.worker-timeout=PT2S")).toList();
        ConfigurableApplicationContext lonelyManager = start("manager", settings);
        long startedAt = System.nanoTime();

        JobExecution failed = launch(lonelyManager);

        // worker-timeout (2 s) + one poll (0.2 s) + margin for a loaded machine.
        assertThat(Duration.ofNanos(System.nanoTime() - startedAt)).isLessThan(Duration.ofSeconds(15));
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        String why = failed.getAllFailureExceptions().stream().map(CommandException::oneLine).collect(Collectors.joining(" | "));
        assertThat(why).contains("no worker took partitions ").contains("testPartition:partition0").contains("testPartition:partition1")
                .contains("no worker listened on queue " + idleQueue + " at RabbitMQ 127.0.0.1:")
                .contains(" for 2 s (quality.scale.worker-timeout); start one ('java -jar quality-review.jar worker', docs/scaling.md)")
                .contains("'restart " + failed.getId() + "' runs the partitions that did not finish");
        assertThat(partitions(lonelyManager, failed)).allSatisfy(p -> assertThat(p.getStatus()).isEqualTo(BatchStatus.FAILED));
        assertThat(RabbitTestBroker.waiting(idleQueue)).as("the two requests stay queued").isEqualTo(2);

        // A worker starts: it drops the two old requests (their partitions FAILED) and runs the restart's.
        ConfigurableApplicationContext worker = start("E", settings);
        PartitionConsumers consumers = worker.getBean(PartitionConsumers.class);
        consumers.consume();
        JobExecution restarted = lonelyManager.getBean(JobOperator.class).restart(failed);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(partitions(lonelyManager, restarted)).extracting(p -> p.getExecutionContext().getString(PartitionTestJob.RAN_BY))
                .containsExactly("E", "E");
        assertThat(consumers.requestsDropped()).isEqualTo(2);
        assertThat(consumers.partitionsRun()).isEqualTo(2);
        close(worker, lonelyManager);
    }

    @Test
    void aBrokerThatDoesNotAnswerFailsTheJobAtOnceWithOneLineNamingIt() throws Exception {
        int closedPort = closedPort();
        List<String> settings = Stream.concat(RabbitTestBroker.settings(RabbitTestBroker.queue("no-broker")).stream(),
                Stream.of("--spring.rabbitmq.port=" + closedPort)).toList();  // start(...) keeps the last value of a setting
        ConfigurableApplicationContext noBroker = start("manager", settings);
        String expected = "cannot reach RabbitMQ at 127.0.0.1:" + closedPort + " (connection refused): start it, check"
                + " spring.rabbitmq.host, port, username and password, or use quality.scale.mode=local";

        JobExecution run = launch(noBroker);

        assertThat(run.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(run.getAllFailureExceptions()).extracting(CommandException::oneLine).contains(expected);
        // No partition is left STARTING: the execution can be restarted once the broker is back.
        assertThat(partitions(noBroker, run)).allSatisfy(p -> assertThat(p.getStatus()).isEqualTo(BatchStatus.FAILED));
        assertThatThrownBy(() -> noBroker.getBean(WorkerCommand.class).run(List.of(), null))
                .isInstanceOf(CommandException.class).hasMessage(expected);
        close(noBroker);
    }

    @Test
    void theWorkerCommandWithNoBrokerEndsWithStatusOneAndTheLine() {
        int closedPort = closedPort();
        List<String> args = new ArrayList<>(List.of("worker", "--spring.datasource.url=" + PostgresTestDatabase.url("rabbit"),
                "--spring.datasource.username=" + PostgresTestDatabase.user(), "--spring.datasource.password=" + PostgresTestDatabase.password()));
        RabbitTestBroker.settings(RabbitTestBroker.queue("no-broker-command")).stream()
                .map(option -> option.startsWith("--spring.rabbitmq.port=") ? "--spring.rabbitmq.port=" + closedPort : option)
                .forEach(args::add);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        PrintStream standardError = System.err;
        int status;
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
        try {
            status = QualityReviewApplication.run(args.toArray(String[]::new));
        }
        finally {
            System.setErr(standardError);
        }

        assertThat(status).isEqualTo(1);
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("error: cannot reach RabbitMQ at 127.0.0.1:" + closedPort
                + " (connection refused)");
    }

    private static ConfigurableApplicationContext start(String workerName, List<String> settings) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("spring.datasource.url", PostgresTestDatabase.url("rabbit"));
        options.put("spring.datasource.username", PostgresTestDatabase.user());
        options.put("spring.datasource.password", PostgresTestDatabase.password());
        options.put("quality.scale.partitions", "4");
        options.put("quality.scale.poll-interval", "200ms");
        options.put("test.worker.name", workerName);
        // A test's own settings replace these (an option given twice would bind as "4,2").
        settings.forEach(option -> options.put(option.substring(2, option.indexOf('=')), option.substring(option.indexOf('=') + 1)));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(QualityReviewApplication.class, PartitionTestJob.class)
                .web(WebApplicationType.NONE)
                .run(options.entrySet().stream().map(o -> "--" + o.getKey() + "=" + o.getValue()).toArray(String[]::new));
        contexts.add(context);
        return context;
    }

    private static void close(ConfigurableApplicationContext... closing) {
        for (ConfigurableApplicationContext context : closing) {
            context.close();
            contexts.remove(context);
        }
    }

    private static JobExecution launch(ConfigurableApplicationContext context) throws Exception {
        return context.getBean(JobOperator.class).start(context.getBean(PartitionTestJob.JOB, Job.class),
                new JobParametersBuilder().addLong("run.id", System.nanoTime()).toJobParameters());
    }

    private static CompletableFuture<JobExecution> launchAsync(ConfigurableApplicationContext context) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return launch(context);
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The partitions of a job execution as the job repository has them now (contexts included). */
    private static List<StepExecution> partitions(ConfigurableApplicationContext context, JobExecution run) {
        return context.getBean(JobRepository.class).getJobExecution(run.getId()).getStepExecutions().stream()
                .filter(s -> s.getStepName().startsWith(PartitionTestJob.WORKER_STEP + ":")).toList();
    }

    private static int dropped() {
        return workerA.getBean(PartitionConsumers.class).requestsDropped() + workerB.getBean(PartitionConsumers.class).requestsDropped();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(Duration patience, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %s", patience).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
