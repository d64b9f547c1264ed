package org.hrm.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.hrm.contracts.ServiceName;
import org.hrm.contracts.events.ServiceHeartbeat;
import org.hrm.contracts.events.ServiceHeartbeat.LaneNonce;
import org.hrm.contracts.events.ServiceHeartbeat.LedgerStatus;
import org.hrm.contracts.events.ServiceHeartbeat.PartitionLag;
import org.hrm.testsupport.MovingClock;
import org.junit.jupiter.api.Test;

class HeartbeatPublisherTest {
    private static final String GROUP = "ledger-writer-service";
    private static final String TOPIC = "hrm.patient.record-sealed";

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MovingClock clock = new MovingClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final Deque<List<PartitionLag>> lags = new ArrayDeque<>();
    private final ServiceIdentity identity = new ServiceIdentity(ServiceName.LEDGER_WRITER, "host-abc123");

    @Test
    void processedIsHowFarTheCommittedOffsetsMovedSinceTheLastBeat() {
        lags.add(List.of(lag(0, 100, 150), lag(1, 40, 40)));
        lags.add(List.of(lag(0, 150, 160), lag(1, 50, 50)));
        HeartbeatPublisher beats = publisher(Optional.empty());

        ServiceHeartbeat first = beats.beat();
        clock.advance(Duration.ofSeconds(2));
        ServiceHeartbeat second = beats.beat();

        assertThat(first.processedTotal())
                .as("the first sight of a partition is its baseline")
                .isZero();
        assertThat(second.processedSinceLastBeat()).isEqualTo(60);
        assertThat(second.processedTotal()).isEqualTo(60);
        assertThat(second.intervalMillis()).isEqualTo(2000);
        assertThat(second.throughputPerSecond()).isEqualTo(30.0);
        assertThat(second.lag()).extracting(PartitionLag::lag).containsExactly(10L, 0L);
        assertThat(meters.get("hrm.consumer.lag").tag("partition", "0").gauge().value())
                .isEqualTo(10.0);
        assertThat(second.ledger()).isNull();
    }

    @Test
    void aBeatWithoutTheBrokerOrTheNodeStillGoesOut() {
        HeartbeatPublisher beats = new HeartbeatPublisher(
                identity,
                new ServiceActivity(meters),
                () -> {
                    throw new IllegalStateException("broker down");
                },
                Optional.of(() -> {
                    throw new IllegalStateException("node down");
                }),
                meters,
                clock);

        ServiceHeartbeat beat = beats.beat();

        assertThat(beat.lag()).isEmpty();
        assertThat(beat.ledger()).isNull();
        assertThat(beat.instanceId()).isEqualTo("host-abc123");
    }

    @Test
    void carriesTheLedgerStatusAndKeepsItsGauges() {
        lags.add(List.of());
        LedgerStatus status = new LedgerStatus(42, 3, List.of(new LaneNonce("0xabc", 10, 7)));

        ServiceHeartbeat beat = publisher(Optional.of(() -> status)).beat();
        System.gc(); // the publisher is unreachable now: its gauges must still read their values

        assertThat(beat.ledger()).isEqualTo(status);
        assertThat(meters.get("hrm.ledger.chain.head").gauge().value()).isEqualTo(42.0);
        assertThat(meters.get("hrm.ledger.pending.transactions").gauge().value())
                .isEqualTo(3.0);
    }

    private HeartbeatPublisher publisher(Optional<LedgerStatusProbe> ledger) {
        return new HeartbeatPublisher(identity, new ServiceActivity(meters), lags::poll, ledger, meters, clock);
    }

    private static PartitionLag lag(int partition, long committed, long end) {
        return new PartitionLag(GROUP, TOPIC, partition, committed, end);
    }
}
