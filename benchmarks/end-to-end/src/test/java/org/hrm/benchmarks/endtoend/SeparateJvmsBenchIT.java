package org.hrm.benchmarks.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hrm.embedded.AnvilNode;
import org.hrm.sandbox.chaos.ProcessPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A tiny {@code ./hrm bench --separate-jvms}: the broker, the database and each service in a JVM of its own, wired as
 * in process (inside the Kafka walls, the same topics and signatures). Records are stored, committed once each on
 * chain and fetched back decrypted; each stage's CPU is its own process's; and once the platform is closed, none of
 * its child processes is left. Figures are not asserted beyond their sign: the command measures them.
 */
class SeparateJvmsBenchIT {

    @Test
    void storesCommitsAndFetchesWithEveryPartInItsOwnJvmAndLeavesNoProcessBehind(@TempDir Path home) throws Exception {
        String[] options = {
            "--separate-jvms",
            "--warmup-records",
            "20",
            "--records",
            "100",
            "--latency-records",
            "0",
            "--naive-records",
            "0",
            "--fetches",
            "10",
            "--fetch-rate",
            "20"
        };
        Map<String, Object> report;
        List<ProcessHandle> children;
        // Other ITs of the same test JVM may have children of their own: only what the platform started counts.
        Set<Long> before =
                ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
        try (ProcessPlatform platform = ProcessPlatform.start(
                home,
                ProcessPlatform.Settings.measured(AnvilNode.Options.defaults(), Map.of()),
                line -> System.out.println("[separate-jvms-it] " + line))) {
            assertThat(platform.pids()).containsOnlyKeys("broker", "database", "consent", "vault", "writer");
            children = ProcessHandle.current()
                    .descendants()
                    .filter(child -> !before.contains(child.pid()))
                    .toList();
            report = BenchCommand.measure(platform, CommandLine.populateCommand(new BenchArguments(), options));
        }

        assertThat(report)
                .containsEntry("separateJvms", true)
                .containsEntry("records", 100)
                .containsEntry("exactlyOnceOnChain", true)
                .containsEntry("recordsVerifiedOnChain", 120)
                .containsEntry("fetchDenied", 0)
                .containsEntry("fetchUndecryptable", 0)
                .containsEntry("deadLetters", 0)
                .containsEntry("limitRecords", 0)
                .containsEntry("limitRecordsPerSecond", -1L);
        assertThat((double) report.get("fetchP99Ms")).isPositive();
        @SuppressWarnings("unchecked")
        Map<String, Double> stages = (Map<String, Double>) report.get("cpuMsPerRecordByStage");
        assertThat(stages).containsKeys("broker", "database", "consent", "vault", "writer", "anvil", "other");
        for (String stage : List.of("broker", "database", "consent", "vault", "writer")) {
            assertThat(stages.get(stage)).as(stage).isPositive();
        }
        assertThat(children).as("Kafka, the database, three services and Anvil").hasSizeGreaterThanOrEqualTo(6);
        assertThat(children).as("no child process outlives the platform").noneMatch(ProcessHandle::isAlive);
    }
}
