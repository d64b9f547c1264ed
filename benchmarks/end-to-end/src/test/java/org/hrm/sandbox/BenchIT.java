package org.hrm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.hrm.benchmarks.endtoend.BenchArguments;
import org.hrm.benchmarks.endtoend.BenchCommand;
import org.hrm.cli.ChainVerifier;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A small {@code ./hrm bench} on the shared platform: every phase runs, every record is on chain exactly once, and
 * every figure the README's performance table quotes is reported. Figures are measured by the command, never
 * asserted here beyond their sign and shape: a timed test would fail on a loaded machine, not on slow code.
 */
class BenchIT {
    private static final Platform platform = SharedPlatform.get();

    @Test
    void aSmallBenchCommitsEveryRecordExactlyOnceAndReportsEveryFigure() throws Exception {
        String[] options = {
            "--warmup-records",
            "50",
            "--records",
            "300",
            "--latency-records",
            "100",
            "--naive-records",
            "20",
            "--fetches",
            "20",
            "--fetch-rate",
            "50",
            "--size",
            "1024,2048",
            "--limit-records",
            "400",
            "--report",
            "target/bench-it/bench.html"
        };

        Map<String, Object> report =
                BenchCommand.measure(platform, CommandLine.populateCommand(new BenchArguments(), options));

        assertThat(report)
                .containsKeys(
                        "records",
                        "recordBytes",
                        "seconds",
                        "recordsPerSecond",
                        "p50CommitMs",
                        "p99CommitMs",
                        "naiveRecordsPerSecond",
                        "ratioToNaive",
                        "gasPerRecord",
                        "fetchP99Ms")
                .containsEntry("records", 300)
                .containsEntry("recordBytes", 1024)
                .containsEntry("exactlyOnceOnChain", true)
                .containsEntry("recordsVerifiedOnChain", 600)
                .containsEntry("limitRecords", 400)
                .containsEntry("fetchDenied", 0)
                .containsEntry("fetchUndecryptable", 0)
                .containsEntry("deadLetters", 0);
        assertThat((long) report.get("gasPerRecord")).isPositive();
        assertThat((long) report.get("maxGasPerTransaction")).isPositive().isLessThan(16_777_216L);
        assertThat((double) report.get("naiveRecordsPerSecond")).isPositive();
        assertThat((long) report.get("limitRecordsPerSecond")).isPositive();
        assertThat((double) report.get("pipelineEfficiency")).isPositive();
        assertThat((double) report.get("gasPerPayloadByte"))
                .isGreaterThan((double) report.get("calldataFloorGasPerPayloadByte"));
        assertThat((double) report.get("calldataFloorGasPerPayloadByte")).isBetween(15.0, 16.0);
        @SuppressWarnings("unchecked")
        Map<String, Double> stages = (Map<String, Double>) report.get("cpuMsPerRecordByStage");
        assertThat(stages).containsKeys("broker", "database", "consent", "vault", "writer", "anvil", "other");
        assertThat(stages.get("vault")).isPositive();
        assertThat(stages.get("writer")).isPositive();
        assertThat(stages.get("broker")).isPositive();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sizes = (List<Map<String, Object>>) report.get("sizes");
        assertThat(sizes).extracting(size -> size.get("recordBytes")).containsExactly(1024, 2048);
        assertThat(sizes.get(1))
                .containsEntry("records", 150)
                .containsKeys("recordsPerSecond", "gasPerPayloadByte", "p99CommitMs");
        assertThat((int) sizes.get(1).get("payloadBytes"))
                .isGreaterThan((int) sizes.get(0).get("payloadBytes"));
        String page = java.nio.file.Files.readString(java.nio.file.Path.of("target/bench-it/bench.html"));
        for (String phase : List.of("throughput", "size 2048", "latency", "naive", "limit", "fetch")) {
            assertThat(page).contains("<section data-phase=\"" + phase + "\">");
        }
        // The naive and limit phases write to contracts of their own on the same chain: an auditor's scan after a
        // bench must still find every payload well formed.
        assertThat(new ChainVerifier(SharedPlatform.web3j()).verify()).containsEntry("allCiphertext", true);
    }
}
