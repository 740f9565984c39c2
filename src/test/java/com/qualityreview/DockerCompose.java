package com.qualityreview;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Docker tools of this machine, for the tests of docker-compose.yml and the Dockerfile: which
 * compose command there is (Docker's plugin {@code docker compose}, else the stand-alone
 * {@code docker-compose}), whether a Docker daemon answers, and running either with a timeout.
 */
final class DockerCompose {

    static final Path COMPOSE_FILE = Path.of("docker-compose.yml");
    static final Path DOCKERFILE = Path.of("Dockerfile");

    /** What a finished command printed; exit -1 when it could not start or timed out. */
    record Result(int exit, String stdout, String stderr) {

        String output() {
            return (stdout + "\n" + stderr).strip();
        }
    }

    private DockerCompose() {
    }

    /** {@code docker compose} where the plugin is installed, else {@code docker-compose}, else none. */
    static Optional<List<String>> command() {
        for (List<String> candidate : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
            List<String> version = new ArrayList<>(candidate);
            version.add("version");
            if (run(version, Map.of(), Duration.ofSeconds(30)).exit() == 0) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Empty when {@code docker info} exits 0; otherwise why not, for a skip message. */
    static Optional<String> daemonProblem() {
        Result info = run(List.of("docker", "info", "--format", "{{.ServerVersion}}"), Map.of(), Duration.ofSeconds(30));
        if (info.exit() == 0) {
            return Optional.empty();
        }
        String output = info.output();
        return Optional.of(output.isEmpty() ? "exit " + info.exit() : output.lines().reduce((first, last) -> last).orElseThrow());
    }

    /**
     * Runs {@code command} in the project folder with this JVM's environment, less its
     * {@code QUALITY_*} and {@code COMPOSE_*} variables (compose sees only what a test gives it), plus {@code environment}.
     */
    static Result run(List<String> command, Map<String, String> environment, Duration timeout) {
        Path stdout = null;
        Path stderr = null;
        try {
            stdout = Files.createTempFile("docker-", ".out");
            stderr = Files.createTempFile("docker-", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().keySet().removeIf(name -> name.startsWith("QUALITY_") || name.startsWith("COMPOSE_"));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                return new Result(-1, read(stdout), "timed out after " + timeout + ": " + String.join(" ", command) + "\n" + read(stderr));
            }
            return new Result(process.exitValue(), read(stdout), read(stderr));
        }
        catch (IOException e) {
            // No such program: reported like a failed command, so callers skip with the reason.
            return new Result(-1, "", e.getMessage());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
        finally {
            delete(stdout);
            delete(stderr);
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
