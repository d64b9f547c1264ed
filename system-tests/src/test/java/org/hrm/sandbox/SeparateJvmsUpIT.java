package org.hrm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.hrm.cli.HrmCli;
import org.hrm.cli.KafkaCredentialsFile;
import org.hrm.embedded.AnvilNode;
import org.hrm.embedded.process.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./hrm up --separate-jvms} as a user runs it: the command in a process of its own (in a directory of its own,
 * where it keeps its .sandbox), the CLI in further processes as from another shell. Each part runs in a JVM of its
 * own; a record submitted through Kafka and the gateway is fetched back decrypted; SIGTERM to {@code up} stops every
 * process it started, and the endpoints and Kafka credentials files go with them. SIGTERM rather than Ctrl-C's SIGINT:
 * a JVM started in the background (a CI job, this test's JVM under a background Maven) inherits SIGINT ignored, and
 * then so does {@code up}; the JVM runs the same shutdown hooks for both (docs/operations.md shows Ctrl-C by hand).
 */
class SeparateJvmsUpIT {
    private static final Duration UP = Duration.ofMinutes(15);
    private static final Duration FETCHABLE = Duration.ofMinutes(3);
    private static final List<String> PARTS = List.of(
            "broker",
            "database",
            "anvil",
            ServiceSettings.CONSENT,
            ServiceSettings.KEY_VAULT,
            ServiceSettings.LEDGER_WRITER,
            ServiceSettings.GATEWAY,
            ServiceSettings.FHIR_EDGE);

    @Test
    void runsEachPartInItsOwnProcessServesTheCliAndLeavesNoProcessBehindAfterSigterm(@TempDir Path dir)
            throws Exception {
        Process up = start(dir, "up.out", upCommand());
        try {
            awaitOutput(up, dir.resolve("up.out"), "hrm is up.", UP);
            // Only what this up started: the test JVM's other children are not its descendants.
            List<ProcessHandle> started = up.descendants().toList();
            Map<String, List<Long>> parts = started.stream()
                    .collect(Collectors.groupingBy(
                            SeparateJvmsUpIT::part, Collectors.mapping(ProcessHandle::pid, Collectors.toList())));

            Path record = dir.resolve("observation.json");
            Files.writeString(record, "{\"resourceType\":\"Observation\",\"valueString\":\"BP 128/82\"}");
            Cli submit = cli(
                    dir,
                    "submit",
                    "--keystore",
                    ".sandbox/keys/hospital-a.key.json",
                    "--owner",
                    "patient-alice",
                    "--file",
                    record.getFileName().toString(),
                    "--category",
                    "Observation");
            Cli fetch = fetchWhenCommitted(dir, submit.out.strip());
            up.destroy();
            boolean exited = up.waitFor(3, TimeUnit.MINUTES);

            assertThat(parts).as("each part once, in a process of its own").containsOnlyKeys(PARTS);
            assertThat(parts)
                    .allSatisfy((part, pids) -> assertThat(pids).as(part).hasSize(1));
            assertThat(submit.exit).as(submit.err).isZero();
            assertThat(fetch.exit).as(fetch.err).isZero();
            assertThat(fetch.out).isEqualTo(Files.readString(record));
            assertThat(fetch.err).contains("provenance verified: written by hospital-a");
            assertThat(exited).as("up exits on SIGTERM").isTrue();
            assertThat(started).as("no process outlives up").noneMatch(ProcessHandle::isAlive);
            assertThat(dir.resolve(".sandbox/endpoints.json")).doesNotExist();
            assertThat(dir.resolve(".sandbox/" + KafkaCredentialsFile.NAME)).doesNotExist();
        } finally {
            up.descendants().forEach(ProcessHandle::destroyForcibly);
            up.destroyForcibly();
        }
    }

    private static List<String> upCommand() {
        List<String> args = new ArrayList<>(List.of("up", "--separate-jvms"));
        // 0, any free port: taken when each part starts. A port picked free here stays unbound for the minutes
        // before the FHIR edge starts, and another process of this run may take it in between.
        for (String port : List.of("--mongo-port", "--chain-port", "--gateway-port", "--fhir-port")) {
            args.addAll(List.of(port, "0"));
        }
        return ChildJvm.command(HrmCli.class.getName(), List.of("-Xmx512m"), args);
    }

    /** The owner reads the record once the vault has sealed it and the writer committed it. */
    private static Cli fetchWhenCommitted(Path dir, String recordId) throws Exception {
        long deadline = System.nanoTime() + FETCHABLE.toNanos();
        Cli fetch;
        do {
            fetch = cli(
                    dir,
                    "fetch",
                    "--keystore",
                    ".sandbox/keys/patient-alice.key.json",
                    "--record",
                    recordId,
                    "--owner",
                    "patient-alice");
        } while (fetch.exit != 0 && System.nanoTime() < deadline);
        return fetch;
    }

    private record Cli(int exit, String out, String err) {}

    /** {@code ./hrm ARGS} from another shell in {@code dir}: a JVM of its own, against the endpoints file there. */
    private static Cli cli(Path dir, String... args) throws Exception {
        String name = "cli-" + System.nanoTime();
        Process cli =
                start(dir, name + ".out", ChildJvm.command(HrmCli.class.getName(), List.of(), Arrays.asList(args)));
        if (!cli.waitFor(3, TimeUnit.MINUTES)) {
            cli.destroyForcibly();
        }
        return new Cli(
                cli.waitFor(),
                Files.readString(dir.resolve(name + ".out")),
                Files.readString(dir.resolve(name + ".out.err")));
    }

    private static Process start(Path dir, String output, List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(dir.resolve(output).toFile())
                .redirectError(dir.resolve(output + ".err").toFile());
        // Anvil is found from the working directory up, and this one is outside the project.
        builder.environment().put("HRM_ANVIL", AnvilNode.binary().toString());
        return builder.start();
    }

    private static void awaitOutput(Process process, Path output, String line, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.readString(output).contains(line)) {
            assertThat(process.isAlive())
                    .as("up exited early: %s", Files.readString(Path.of(output + ".err")))
                    .isTrue();
            assertThat(System.nanoTime()).as("up not ready within " + timeout).isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    /** Which part a process is, from its command line (the JVM's main class and first argument, or Anvil's binary). */
    private static String part(ProcessHandle process) {
        List<String> words;
        try {
            words = Arrays.asList(
                    Files.readString(Path.of("/proc", String.valueOf(process.pid()), "cmdline"), StandardCharsets.UTF_8)
                            .split("\0"));
        } catch (IOException gone) {
            return "gone " + process.pid();
        }
        if (words.get(0).endsWith("/anvil")) {
            return "anvil";
        }
        if (words.contains("kafka.Kafka")) {
            return "broker";
        }
        if (words.stream().anyMatch(word -> word.endsWith("MongoServerMain"))) {
            return "database";
        }
        int main = words.indexOf("org.hrm.sandbox.chaos.ServiceMain");
        return main >= 0 && main + 1 < words.size() ? words.get(main + 1) : String.join(" ", words);
    }
}
