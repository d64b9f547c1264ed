package org.hrm.gateway.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hrm.contracts.ServiceName;
import org.hrm.contracts.events.ServiceHeartbeat;
import org.hrm.contracts.events.ServiceHeartbeat.LaneNonce;
import org.hrm.contracts.events.ServiceHeartbeat.LedgerStatus;
import org.hrm.contracts.events.ServiceHeartbeat.PartitionLag;
import org.hrm.gateway.application.Heartbeat;
import org.hrm.gateway.application.OpsSource;
import org.junit.jupiter.api.Test;

class HeartbeatMappingTest {
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void sumsTheLagOverEveryPartitionAndKeepsTheLedgerLanes() {
        Heartbeat beat = HeartbeatMapping.heartbeat(beat(
                List.of(new PartitionLag("g", "t", 0, 10, 15), new PartitionLag("g", "t", 1, 0, 2)),
                new LedgerStatus(9, 1, List.of(new LaneNonce("0xabc", 7, 6)))));

        assertThat(beat.service()).isEqualTo("LEDGER_WRITER");
        assertThat(beat.instanceId()).isEqualTo("w-1");
        assertThat(beat.at()).isEqualTo(AT);
        assertThat(beat.intervalMillis()).isEqualTo(1_000);
        assertThat(beat.throughputPerSecond()).isEqualTo(4.0);
        assertThat(beat.lag()).isEqualTo(5 + 2);
        assertThat(beat.deadLettersTotal()).isEqualTo(2);
        assertThat(beat.deadLettersByReason()).containsExactly(Map.entry("oversized event", 2L));
        assertThat(beat.ledger()).isEqualTo(new OpsSource.Ledger(9, 1, List.of(new OpsSource.Lane("0xabc", 7, 6))));
    }

    @Test
    void aServiceOtherThanTheLedgerWriterHasNoLedger() {
        assertThat(HeartbeatMapping.heartbeat(beat(List.of(), null)).ledger()).isNull();
    }

    private static ServiceHeartbeat beat(List<PartitionLag> lag, LedgerStatus ledger) {
        return new ServiceHeartbeat(
                ServiceName.LEDGER_WRITER,
                "w-1",
                AT,
                10_000,
                1_000,
                lag,
                4,
                40,
                4.0,
                2,
                Map.of("oversized event", 2L),
                ledger);
    }
}
