package org.hrm.benchmarks.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchReportTest {
    private final BenchOptions options = BenchOptions.parse(CommandLine.populateCommand(new BenchArguments()));

    @Test
    void reportsTheChainOnlyLimitAndThePipelinesShareOfItFromTheSameRun() {
        Map<String, Object> report = BenchReport.of(options, BenchFixtures.measured(BenchFixtures.limit(), List.of()));

        assertThat(report)
                .containsEntry("recordsPerSecond", 1000L)
                .containsEntry("limitRecords", 4000)
                .containsEntry("limitRecordsPerSecond", 8000L)
                .containsEntry("limitGasPerRecord", 39_000L)
                .containsEntry("pipelineEfficiency", 0.13);
        assertThat((double) report.get("limitP99CommitMs")).isEqualTo(3960.0);
    }

    @Test
    void marksTheLimitAsNotMeasuredWhenItsPhaseWasSkipped() {
        Map<String, Object> report = BenchReport.of(options, BenchFixtures.measured(null, List.of()));

        assertThat(report)
                .containsEntry("limitRecords", 0)
                .containsEntry("limitRecordsPerSecond", -1L)
                .containsEntry("pipelineEfficiency", -1.0);
    }

    @Test
    void reportsGasPerPayloadByteAgainstTheCancunCalldataFloor() {
        Map<String, Object> report = BenchReport.of(options, BenchFixtures.measured(BenchFixtures.limit(), List.of()));

        assertThat(report)
                .containsEntry("payloadBytes", 1000)
                .containsEntry("gasPerRecord", 40_000L)
                .containsEntry("gasPerPayloadByte", 40.0)
                .containsEntry("calldataFloorGasPerPayloadByte", 16.0)
                .containsEntry("gasToCalldataFloor", 2.5);
    }

    @Test
    void reportsEachSizesThroughputGasPerByteAndCommitP99InTheSizesArray() {
        StorePhase.Result large = new StorePhase.Result(
                50,
                5.0,
                BenchFixtures.latencies(50),
                java.util.Set.of("0xc"),
                new CpuClock.Reading(0, 0, Map.of()),
                BenchFixtures.finishedEvenly(50, 5.0));
        SizeResult oneMebibyte = new SizeResult(
                1_048_576, new byte[1_048_576 + 500], large, new GasFigures(50, 50L * 20_000_000, 20_000_000, 50));

        Map<String, Object> report =
                BenchReport.of(options, BenchFixtures.measured(BenchFixtures.limit(), List.of(oneMebibyte)));

        assertThat((List<?>) report.get("sizes")).hasSize(2);
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) ((List<?>) report.get("sizes")).get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> second = (Map<String, Object>) ((List<?>) report.get("sizes")).get(1);
        assertThat(first)
                .containsEntry("recordBytes", 1024)
                .containsEntry("recordsPerSecond", 1000L)
                .containsEntry("gasPerPayloadByte", 40.0)
                .containsEntry("p99CommitMs", 1980.0);
        assertThat(second)
                .containsEntry("recordBytes", 1_048_576)
                .containsEntry("payloadBytes", 1_049_076)
                .containsEntry("records", 50)
                .containsEntry("recordsPerSecond", 10L)
                .containsEntry("gasPerRecord", 20_000_000L)
                .containsEntry("gasPerPayloadByte", 19.06)
                .containsEntry("calldataFloorGasPerPayloadByte", 4.0)
                .containsEntry("p99CommitMs", 50.0);
    }

    @Test
    void splitsTheCpuPerRecordByStageAndCountsWhatNoStageTookAsOther() {
        Map<String, Object> report = BenchReport.of(options, BenchFixtures.measured(BenchFixtures.limit(), List.of()));

        assertThat(report.get("cpuMsPerRecordByStage"))
                .isEqualTo(Map.of(
                        "broker", 0.0,
                        "database", 0.0,
                        "consent", 0.0,
                        "vault", 0.5,
                        "writer", 1.0,
                        "anvil", 0.1,
                        "other", 0.5));
        assertThat(List.copyOf(((Map<?, ?>) report.get("cpuMsPerRecordByStage")).keySet()))
                .isEqualTo(List.of("broker", "database", "consent", "vault", "writer", "anvil", "other"));
    }
}
