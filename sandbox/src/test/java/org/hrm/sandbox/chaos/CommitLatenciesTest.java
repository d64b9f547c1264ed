package org.hrm.sandbox.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommitLatenciesTest {
    private static final long MS = 1_000_000L;

    @Test
    void splitsTheRecordsSentWhileAFaultWasInProgressFromTheRest() {
        Map<String, Long> sent = new HashMap<>();
        Map<String, Long> committed = new HashMap<>();
        // Ten records sent before the fault commit in 100 ms; three sent during it take 2 s; one after it 50 ms.
        for (int i = 0; i < 10; i++) {
            sent.put("calm-" + i, i * MS);
            committed.put("calm-" + i, i * MS + 100 * MS);
        }
        for (int i = 0; i < 3; i++) {
            sent.put("fault-" + i, (1_000 + i) * MS);
            committed.put("fault-" + i, (3_000 + i) * MS);
        }
        sent.put("after", 5_000 * MS);
        committed.put("after", 5_050 * MS);
        List<CommitLatencies.Span> faults = List.of(new CommitLatencies.Span(1_000 * MS, 1_500 * MS));

        CommitLatencies latencies = CommitLatencies.of(sent, committed, faults);

        assertThat(latencies.committedDuringFaults()).isEqualTo(3);
        assertThat(latencies.p99MsDuringFaults()).isEqualTo(2_000.0);
        assertThat(latencies.p99Ms()).as("every committed record").isEqualTo(2_000.0);
    }

    @Test
    void leavesOutRecordsNeverCommittedAndSaysMinusOneWhenNoneWasSentDuringAFault() {
        Map<String, Long> sent = Map.of("committed", 0L, "lost", 10 * MS);
        Map<String, Long> committed = Map.of("committed", 40 * MS);

        CommitLatencies latencies =
                CommitLatencies.of(sent, committed, List.of(new CommitLatencies.Span(100 * MS, 200 * MS)));

        assertThat(latencies.p99Ms()).isEqualTo(40.0);
        assertThat(latencies.committedDuringFaults()).isZero();
        assertThat(latencies.p99MsDuringFaults()).isEqualTo(-1.0);
    }
}
