package com.qualityreview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docker-compose.yml and the Dockerfile are shaped like production (read as files: no Docker
 * needed), and the compose tool, where one is installed, reads the file without a warning.
 * Without one that check skips with a message, unless QUALITY_REQUIRE_COMPOSE=true (set by
 * .ci/run, which installs it), where it fails instead.
 */
class DockerComposeTests {

    /** A release, not a moving major (postgres:16) nor latest: 16.9, v1.22.3, 17.0.15_6-jre-noble. */
    static final Pattern PINNED_TAG = Pattern.compile("v?\\d+\\.\\d+([._-][\\w.-]+)?");
    /** A secret's only allowed value: a required variable, with no default to fall back on. */
    static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{[A-Z][A-Z0-9_]*:\\?[^}]+}");
    static final Pattern SECRET_NAME = Pattern.compile(".*(PASS|SECRET|TOKEN|KEY).*");

    static Map<String, Object> compose;
    static Map<String, Map<String, Object>> services;
    static List<String> dockerfile;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws Exception {
        compose = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(DockerCompose.COMPOSE_FILE));
        services = (Map<String, Map<String, Object>>) compose.get("services");
        dockerfile = Files.readAllLines(DockerCompose.DOCKERFILE);
    }

    @Test
    void everyPublishedPortIsBoundToLoopbackOnly() {
        List<String> published = new ArrayList<>();
        services.forEach((name, service) -> {
            for (Object port : list(service.get("ports"))) {
                String binding = port instanceof Map<?, ?> longSyntax ? longSyntax.get("host_ip") + ":" + longSyntax.get("published")
                        : String.valueOf(port);
                published.add(name + " " + binding);
                assertThat(binding).as("port of service %s", name).startsWith("127.0.0.1:");
            }
        });
        // PostgreSQL, Mailpit's web UI, RabbitMQ's management UI and the application are reachable from this
        // machine; workers publish nothing, or a second one could not start (docker compose up --scale worker=3).
        assertThat(published).hasSize(4).extracting(binding -> binding.substring(0, binding.indexOf(' ')))
                .containsExactlyInAnyOrder("postgres", "mail", "rabbitmq", "app");
    }

    @Test
    void everyImageIsPinnedToARelease() {
        List<String> pulled = new ArrayList<>();
        services.forEach((name, service) -> {
            if (service.containsKey("image")) {
                pulled.add(name);
                String image = String.valueOf(service.get("image"));
                assertThat(tag(image)).as("tag of %s", image).matches(PINNED_TAG);
            }
        });
        assertThat(pulled).containsExactlyInAnyOrder("postgres", "mail", "rabbitmq");
    }

    @Test
    void theApplicationIsBuiltFromTheDockerfileAndChecksItsReadiness() {
        Map<String, Object> app = services.get("app");
        assertThat(app).doesNotContainKey("image");
        assertThat(app.get("build")).isEqualTo(".");
        assertThat(Path.of(".").resolve("Dockerfile")).exists();
        @SuppressWarnings("unchecked")
        List<String> probe = (List<String>) ((Map<String, Object>) app.get("healthcheck")).get("test");
        assertThat(probe.get(0)).isEqualTo("CMD");
        // Inside the container: the port the app listens on there, the last part of its published mapping
        // (the host side is the user's choice, QUALITY_HTTP_PORT); no test binds it.
        String mapping = list(app.get("ports")).get(0).toString();
        String containerPort = mapping.substring(mapping.lastIndexOf(':') + 1);
        assertThat(containerPort).isEqualTo("8080");
        assertThat(probe.get(probe.size() - 1)).isEqualTo("http://localhost:" + containerPort + "/actuator/health/readiness");
        // The probe's program must be in the runtime image: its stage checks for it at build time.
        assertThat(finalStage()).contains("RUN command -v " + probe.get(1));
    }

    @Test
    @SuppressWarnings("unchecked")
    void scalableWorkersRunTheSameImageInRabbitmqModeAndShareTheReportsFolder() {
        Map<String, Object> worker = services.get("worker");
        Map<String, Object> app = services.get("app");
        assertThat(worker.get("build")).isEqualTo(app.get("build"));
        assertThat(worker.get("command")).isEqualTo(List.of("worker"));
        assertThat(worker).doesNotContainKeys("container_name", "ports");
        Map<String, Object> environment = (Map<String, Object>) worker.get("environment");
        assertThat(environment).containsEntry("QUALITY_SCALE_MODE", "rabbitmq").containsEntry("SPRING_RABBITMQ_HOST", "rabbitmq")
                .containsEntry("SPRING_DATASOURCE_URL", ((Map<String, Object>) app.get("environment")).get("SPRING_DATASOURCE_URL"));
        assertThat((Map<String, Object>) app.get("environment")).containsEntry("QUALITY_SCALE_MODE", "rabbitmq");
        assertThat(list(worker.get("volumes")).stream().map(String::valueOf)).contains("reports:/app/reports");
        assertThat(list(app.get("volumes")).stream().map(String::valueOf)).contains("reports:/app/reports");
        assertThat(((Map<String, Object>) worker.get("depends_on")).keySet()).contains("postgres", "rabbitmq");
        // The management UI image, healthy once it answers a ping.
        assertThat(String.valueOf(services.get("rabbitmq").get("image"))).startsWith("rabbitmq:").endsWith("-management");
        assertThat(String.valueOf(((Map<String, Object>) services.get("rabbitmq").get("healthcheck")).get("test"))).contains("ping");
    }

    @Test
    void everyServiceRestartsUnlessStopped() {
        services.forEach((name, service) -> assertThat(service.get("restart")).as("restart of %s", name).isEqualTo("unless-stopped"));
    }

    @Test
    void whatTheApplicationWritesIsOnNamedVolumes() {
        @SuppressWarnings("unchecked")
        Map<String, Object> declared = (Map<String, Object>) compose.get("volumes");
        List<String> mounts = list(services.get("app").get("volumes")).stream().map(String::valueOf).toList();
        for (String folder : List.of("/app/reports", "/app/logs", "/app/uploads", "/app/inbound")) {
            String mount = mounts.stream().filter(m -> m.endsWith(":" + folder)).findFirst().orElseThrow(
                    () -> new AssertionError("no volume on " + folder + " in " + mounts));
            String source = mount.substring(0, mount.indexOf(':'));
            assertThat(declared).as("named volume %s for %s", source, folder).containsKey(source);
        }
    }

    @Test
    void secretsComeOnlyFromRequiredVariables() {
        List<String> secrets = new ArrayList<>();
        services.forEach((name, service) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> environment = (Map<String, Object>) service.getOrDefault("environment", Map.of());
            environment.forEach((key, value) -> {
                if (SECRET_NAME.matcher(key).matches()) {
                    secrets.add(name + "." + key);
                    assertThat(String.valueOf(value)).as("%s of %s", key, name).matches(REQUIRED_VARIABLE);
                }
            });
        });
        assertThat(secrets).containsExactlyInAnyOrder("postgres.POSTGRES_PASSWORD", "app.SPRING_DATASOURCE_PASSWORD",
                "app.QUALITY_USERS_0_PASSWORD", "rabbitmq.RABBITMQ_DEFAULT_PASS", "app.SPRING_RABBITMQ_PASSWORD",
                "worker.SPRING_DATASOURCE_PASSWORD", "worker.SPRING_RABBITMQ_PASSWORD");
        assertThat(String.valueOf(services.get("app").get("environment"))).contains("${QUALITY_ADMIN_PASSWORD:?");
    }

    @Test
    void theImageIsBuiltInStagesWithTheWrapperAndRunsAsAnotherUserThanRoot() {
        List<String> from = dockerfile.stream().filter(line -> line.startsWith("FROM ")).toList();
        assertThat(from).hasSizeGreaterThanOrEqualTo(2);
        for (String line : from) {
            String image = line.split("\\s+")[1];
            assertThat(tag(image)).as("tag of %s", image).matches(PINNED_TAG);
        }
        assertThat(dockerfile).anyMatch(line -> line.startsWith("RUN ./mvnw ") && line.contains(" package"));
        List<String> users = finalStage().stream().filter(line -> line.startsWith("USER ")).toList();
        assertThat(users).as("USER of the runtime stage").isNotEmpty();
        String user = users.get(users.size() - 1).substring("USER ".length()).split(":")[0].trim();
        assertThat(user).isNotIn("root", "0");
        assertThat(finalStage()).anyMatch(line -> line.startsWith("ENTRYPOINT ") && line.contains("quality-review.jar"))
                .contains("CMD [\"serve\"]");
    }

    @Test
    void composeReadsTheFileWithoutAWarning(@TempDir Path folder) throws Exception {
        List<String> command = DockerCompose.command().orElse(null);
        if (command == null) {
            String reason = "neither `docker compose` nor `docker-compose` is installed (Debian: apt-get install docker-compose)";
            if ("true".equals(System.getenv("QUALITY_REQUIRE_COMPOSE"))) {
                throw new IllegalStateException("QUALITY_REQUIRE_COMPOSE=true but " + reason);
            }
            System.out.println("SKIPPED docker-compose.yml check: " + reason);
            Assumptions.abort(reason);
        }
        // An empty env file: a developer's own .env must not decide this test.
        Path envFile = Files.writeString(folder.resolve("empty.env"), "");
        List<String> config = new ArrayList<>(command);
        config.addAll(List.of("--env-file", envFile.toString(), "-f", DockerCompose.COMPOSE_FILE.toString(), "config"));
        Map<String, String> secrets = Map.of("QUALITY_ADMIN_PASSWORD", "{bcrypt}$2a$10$notarealhash", "QUALITY_DB_PASSWORD",
                "not-a-real-password", "QUALITY_RABBITMQ_PASSWORD", "not-a-real-password");

        DockerCompose.Result clean = DockerCompose.run(config, secrets, Duration.ofSeconds(60));
        assertThat(clean.exit()).as(clean.output()).isZero();
        assertThat(clean.stderr()).as("warnings").isBlank();
        assertThat(clean.stdout()).contains("127.0.0.1").contains("/actuator/health/readiness");

        DockerCompose.Result withoutAdmin = DockerCompose.run(config, Map.of("QUALITY_DB_PASSWORD", "x", "QUALITY_RABBITMQ_PASSWORD", "x"),
                Duration.ofSeconds(60));
        assertThat(withoutAdmin.exit()).isNotZero();
        assertThat(withoutAdmin.output()).contains("set QUALITY_ADMIN_PASSWORD in .env");
    }

    /** The lines of the Dockerfile's last stage: the image that runs. */
    static List<String> finalStage() {
        int start = 0;
        for (int i = 0; i < dockerfile.size(); i++) {
            if (dockerfile.get(i).startsWith("FROM ")) {
                start = i;
            }
        }
        return dockerfile.subList(start, dockerfile.size());
    }

    /** The tag of an image reference; "" when it has none (which means latest). */
    static String tag(String image) {
        Matcher matcher = Pattern.compile(":([^:/@]+)(@.*)?$").matcher(image);
        return matcher.find() ? matcher.group(1) : "";
    }

    static List<?> list(Object value) {
        return value == null ? List.of() : (List<?>) value;
    }
}
