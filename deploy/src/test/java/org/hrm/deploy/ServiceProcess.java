package org.hrm.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service started as its image starts it: the image's entrypoint (deploy/docker/entrypoint.sh) with exactly the
 * configuration's environment, whose {@code exec java -jar /app/app.jar} runs the service's executable jar (a
 * {@code java} on the PATH maps /app/app.jar to the jar the build made). The JVM is told the memory a container
 * would have ({@code -XX:MaxRAM}) and compiles with C1 only and collects on one thread, to start faster on a shared machine.
 */
final class ServiceProcess implements AutoCloseable {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ServiceConfiguration configuration;
    private final Process process;
    private final Path log;
    private final int port;

    private ServiceProcess(ServiceConfiguration configuration, Process process, Path log, int port) {
        this.configuration = configuration;
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the service; {@code environment} must hold SERVER_PORT (the container's 8080, moved to a free port). */
    static ServiceProcess start(ServiceConfiguration configuration, Path executableJar, Map<String, String> image)
            throws IOException {
        Path root = configuration.files().root();
        Path bin = Files.createDirectories(root.resolve("image-bin"));
        Path java = bin.resolve("java");
        Files.writeString(
                java,
                "#!/bin/sh\n"
                        + "[ \"$1\" = -jar ] && [ \"$2\" = /app/app.jar ] || { echo \"unexpected: java $*\" >&2; exit 64; }\n"
                        + "shift 2\n"
                        + "exec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -XX:MaxRAM=1g"
                        + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar '" + executableJar.toAbsolutePath()
                        + "' \"$@\"\n",
                StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
        Path log = root.resolve("service.log");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        "/bin/sh",
                        RepositoryFiles.path("deploy/docker/entrypoint.sh").toString()))
                .directory(Files.createDirectories(root.resolve("app")).toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", bin + ":/usr/bin:/bin");
        builder.environment().putAll(image);
        builder.environment().putAll(configuration.environment());
        int port = Integer.parseInt(configuration.environment().get("SERVER_PORT"));
        return new ServiceProcess(configuration, builder.start(), log, port);
    }

    String name() {
        return configuration.source() + " " + configuration.service();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits until the actuator's readiness group answers UP; fails with the log's tail if the process exits. */
    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(name() + " exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                HttpResponse<String> readiness = HTTP.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                last = readiness.statusCode() + " " + readiness.body();
                if (readiness.statusCode() == 200 && readiness.body().contains("\"status\":\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new AssertionError(name() + " not ready within " + timeout + " (" + last + "):\n" + tail());
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
