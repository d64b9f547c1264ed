package org.hrm.embedded.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One child process that can be killed (SIGKILL), stopped (SIGTERM) and started again with the same
 * command; its output is appended to a file, where {@link #awaitOutput} looks for a readiness line.
 */
public final class ManagedProcess implements AutoCloseable {
    private final String name;
    private final List<String> command;
    private final Path output;
    private Process process;
    private long outputStart;

    public ManagedProcess(String name, List<String> command, Path output) {
        this.name = name;
        this.command = List.copyOf(command);
        this.output = output;
    }

    public String name() {
        return name;
    }

    public synchronized void start() {
        try {
            Files.createDirectories(output.getParent());
            outputStart = Files.exists(output) ? Files.size(output) : 0;
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** kill -9: no shutdown hook, no flush, no goodbye to the broker. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(10));
        }
    }

    /** A clean stop (SIGTERM), forced after {@code grace}. */
    public synchronized void stop(Duration grace) {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!waitFor(grace)) {
                kill();
            }
        }
    }

    public boolean isAlive() {
        Process current = process;
        return current != null && current.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /**
     * Waits until the process printed {@code marker} since its last start; fails if it exits first. Returns the
     * printed line from the marker on (what a readiness line says after it, such as the port taken).
     */
    public String awaitOutput(String marker, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String output = outputSinceStart();
            int at = output.indexOf(marker);
            if (at >= 0 && output.indexOf('\n', at) >= 0) {
                return output.substring(at, output.indexOf('\n', at));
            }
            if (!isAlive()) {
                // Read again: what it printed on its way out came after the read above.
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; " + printed());
            }
            Loopback.sleep(Duration.ofMillis(200));
        }
        throw new IllegalStateException(name + " not ready within " + timeout + "; " + printed());
    }

    /** What it printed since its last start, and where the rest of its output is. */
    private String printed() {
        return "its output (" + output + ") since it started: " + outputSinceStart();
    }

    private String outputSinceStart() {
        try {
            byte[] all = Files.readAllBytes(output);
            return new String(
                    all,
                    (int) Math.min(outputStart, all.length),
                    (int) Math.max(0, all.length - outputStart),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }
}
