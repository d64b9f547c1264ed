package org.hrm.gateway.portal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hrm.testsupport.Requirements;

/** Runs Node.js on the portal's JavaScript from the module folder; skips the calling test if {@code node} is absent. */
final class NodeScripts {
    static final Path JS_TESTS = Path.of("src/test/js");
    private static final long TIMEOUT_SECONDS = 120;

    private NodeScripts() {}

    /** A finished node process: its exit code, standard output and standard error. */
    record Run(int exitCode, String stdout, String stderr) {}

    /** Skips the test (JUnit "aborted", with the reason; a failure under CI) when no {@code node} is on the PATH. */
    static void assumeNodeInstalled() {
        boolean installed;
        try {
            installed = run(List.of("--version")).exitCode() == 0;
        } catch (IOException e) {
            installed = false;
        }
        Requirements.require(
                installed,
                "the tests of the portal's hrm-crypto.js",
                "node is not on the PATH (needs Node 20+; the build itself needs it for solc and Anvil)");
    }

    static Run run(List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("node");
        command.addAll(arguments);
        Path stdout = Files.createTempFile("node", ".out");
        Path stderr = Files.createTempFile("node", ".err");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            boolean finished = waitFor(process);
            assertThat(finished)
                    .as("node %s finished within %d s", arguments, TIMEOUT_SECONDS)
                    .isTrue();
            return new Run(process.exitValue(), Files.readString(stdout, UTF_8), Files.readString(stderr, UTF_8));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    private static boolean waitFor(Process process) {
        try {
            if (process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
        return false;
    }
}
