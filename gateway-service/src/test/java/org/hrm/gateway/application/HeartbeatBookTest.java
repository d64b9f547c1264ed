package org.hrm.gateway.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.hrm.contracts.ServiceName;
import org.junit.jupiter.api.Test;

class HeartbeatBookTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final HeartbeatBook book = new HeartbeatBook();

    @Test
    void keepsTheLatestBeatPerInstanceAndAgesItAgainstTheClock() {
        book.beat(beat(ServiceName.LEDGER_WRITER, "w-1", T0.plusSeconds(2), 5, new OpsSource.Ledger(9, 1, List.of())));
        book.beat(beat(ServiceName.LEDGER_WRITER, "w-1", T0.plusSeconds(1), 3, null));
        book.beat(beat(ServiceName.KEY_VAULT, "v-1", T0, 0, null));

        List<OpsSource.ServiceStatus> statuses = book.statuses(Clock.fixed(T0.plusSeconds(3), ZoneOffset.UTC));

        assertThat(statuses).extracting(OpsSource.ServiceStatus::service).containsExactly("key-vault", "ledger-writer");
        OpsSource.ServiceStatus writer = statuses.get(1);
        assertThat(writer.ageMillis()).isEqualTo(1000);
        assertThat(writer.lag()).isEqualTo(5);
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

    private static Heartbeat beat(ServiceName service, String instance, Instant at, long lag, OpsSource.Ledger ledger) {
        return new Heartbeat(service.name(), instance, at, 1_000, 4.0, lag, 2, Map.of("oversized event", 2L), ledger);
    }
}
