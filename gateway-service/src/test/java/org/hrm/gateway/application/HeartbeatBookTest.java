package org.hrm.gateway.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.hrm.contracts.ServiceName;
import org.hrm.contracts.events.ServiceHeartbeat;
import org.hrm.contracts.events.ServiceHeartbeat.LedgerStatus;
import org.hrm.contracts.events.ServiceHeartbeat.PartitionLag;
import org.junit.jupiter.api.Test;

class HeartbeatBookTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final HeartbeatBook book = new HeartbeatBook();

    @Test
    void keepsTheLatestBeatPerInstanceAndAgesItAgainstTheClock() {
        book.beat(beat(ServiceName.LEDGER_WRITER, "w-1", T0.plusSeconds(2), 5, new LedgerStatus(9, 1, List.of())));
        book.beat(beat(ServiceName.LEDGER_WRITER, "w-1", T0.plusSeconds(1), 3, null));
        book.beat(beat(ServiceName.KEY_VAULT, "v-1", T0, 0, null));

        List<OpsSource.ServiceStatus> statuses = book.statuses(Clock.fixed(T0.plusSeconds(3), ZoneOffset.UTC));

        assertThat(statuses).extracting(OpsSource.ServiceStatus::service).containsExactly("key-vault", "ledger-writer");
        OpsSource.ServiceStatus writer = statuses.get(1);
        assertThat(writer.ageMillis()).isEqualTo(1000);
        assertThat(writer.lag()).isEqualTo(5 + 2);
        assertThat(writer.ledger().chainHead()).isEqualTo(9);
        assertThat(writer.deadLettersByReason()).containsEntry("oversized event", 2L);
        assertThat(statuses.get(0).ledger()).isNull();
    }

    @Test
    void keepsTwoInstancesOfOneServiceApart() {
        book.beat(beat(ServiceName.KEY_VAULT, "v-1", T0, 0, null));
        book.beat(beat(ServiceName.KEY_VAULT, "v-2", T0, 0, null));

        assertThat(book.statuses(Clock.fixed(T0, ZoneOffset.UTC)))
                .extracting(OpsSource.ServiceStatus::instanceId)
                .containsExactly("v-1", "v-2");
    }

    private static ServiceHeartbeat beat(
            ServiceName service, String instance, Instant at, long lag, LedgerStatus ledger) {
        return new ServiceHeartbeat(
                service,
                instance,
                at,
                10_000,
                1_000,
                List.of(new PartitionLag("g", "t", 0, 10, 10 + lag), new PartitionLag("g", "t", 1, 0, 2)),
                4,
                40,
                4.0,
                2,
                Map.of("oversized event", 2L),
                ledger);
    }
}
