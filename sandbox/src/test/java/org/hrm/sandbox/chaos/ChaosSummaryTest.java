package org.hrm.sandbox.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ChaosSummaryTest {

    @Test
    void reportsTheOfferedRateTheBrokersTheRoundsAndTheCommitP99DuringFaults() {
        ChaosSummary summary = new ChaosSummary(7, new Workload());
        summary.load(200, 3, 1);
        summary.faults(everyKind(3));
        summary.commits(CommitLatencies.of(
                Map.of("r", 0L), Map.of("r", 250_000_000L), List.of(new CommitLatencies.Span(0, 1))));

        Map<String, Object> json = summary.toMap();

        assertThat(json)
                .containsEntry("offeredRate", 200.0)
                .containsEntry("brokers", 1)
                .containsEntry("faultRounds", 3)
                .containsEntry("faultsInjected", 18)
                .containsEntry("commitP99MsDuringFaults", 250.0)
                .containsEntry("committedDuringFaults", 1);
    }

    @Test
    void everyFaultKindMustBeInjectedOncePerRound() {
        ChaosSummary summary = new ChaosSummary(7, new Workload());
        summary.load(5, 2, 1);

        summary.faults(everyKind(1));
        assertThat(summary.everyFaultKindEveryRound())
                .as("once each, two rounds asked")
                .isFalse();
        Map<String, Integer> oneKindMissing = new java.util.HashMap<>(everyKind(2));
        oneKindMissing.remove(FaultInjector.Kind.RESTART_KAFKA.name());
        summary.faults(oneKindMissing);
        assertThat(summary.everyFaultKindEveryRound()).as("a kind missing").isFalse();
        summary.faults(everyKind(2));
        assertThat(summary.everyFaultKindEveryRound()).isTrue();
    }

    @Test
    void aPhaseThatCouldNotFinishFailsTheRunAndIsNamedInTheJson() {
        ChaosSummary summary = new ChaosSummary(7, new Workload());
        summary.load(5, 1, 1);
        summary.faults(everyKind(1));
        assertThat(summary.toMap()).containsEntry("phasesFailed", Map.of());

        summary.phaseFailed("bad-input", "fixture record r was not committed in PT1M30S");

        assertThat(summary.passed()).isFalse();
        assertThat(summary.toMap())
                .containsEntry("phasesFailed", Map.of("bad-input", "fixture record r was not committed in PT1M30S"))
                .containsEntry("passed", false);
    }

    private static Map<String, Integer> everyKind(int times) {
        return Arrays.stream(FaultInjector.Kind.values()).collect(Collectors.toMap(Enum::name, kind -> times));
    }
}
