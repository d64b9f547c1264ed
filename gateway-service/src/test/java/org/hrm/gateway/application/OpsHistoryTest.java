package org.hrm.gateway.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.hrm.contracts.ServiceName;
import org.junit.jupiter.api.Test;

class OpsHistoryTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final long INTERVAL = 10_000;

    private final OpsHistory history = new OpsHistory();

    @Test
    void anHourByMinuteSumsTheInstancesAndCountsTheDeadLettersThatArrivedInEachMinute() {
        history.record("vault/1", beat(ServiceName.KEY_VAULT, T0.plusSeconds(5), 10.0, 3, 0, null));
        history.record("vault/1", beat(ServiceName.KEY_VAULT, T0.plusSeconds(65), 20.0, 4, 2, null));
        history.record("consent/1", beat(ServiceName.CONSENT, T0.plusSeconds(70), 5.0, 1, 7, null));

        List<OpsSource.Minute> minutes = history.minutes(at(T0.plusSeconds(90)));

        assertThat(minutes).hasSize(60);
        assertThat(minutes.get(59).start()).isEqualTo(T0.plusSeconds(60));
        OpsSource.Minute last = minutes.get(59);
        assertThat(last.processedPerSecond()).isEqualTo(25.0);
        assertThat(last.lag()).isEqualTo(5);
        assertThat(last.instancesReporting()).isEqualTo(2);
        // vault went from 0 to 2; consent's first beat has no earlier total to count from
        assertThat(last.deadLetters()).isEqualTo(2);
        OpsSource.Minute first = minutes.get(58);
        assertThat(first.processedPerSecond()).isEqualTo(10.0);
        assertThat(first.instancesReporting()).isEqualTo(1);
        assertThat(minutes.get(0).instancesReporting()).isZero();
    }

    @Test
    void aMinutesThroughputIsOverAllItsBeatsNotItsLastOne() {
        // Beats every 10 s: busy at 40/s for the first 30 s of the minute, then idle.
        for (int second = 10; second <= 50; second += 10) {
            double rate = second <= 30 ? 40.0 : 0.0;
            history.record("vault/1", beat(ServiceName.KEY_VAULT, T0.plusSeconds(second), rate, 0, 0, null));
        }

        OpsSource.Minute minute = history.minutes(at(T0.plusSeconds(70))).get(58);

        assertThat(minute.start()).isEqualTo(T0);
        assertThat(minute.processedPerSecond()).isEqualTo(24.0); // 1,200 events over the 50 s the beats cover
    }

    @Test
    void beatsOlderThanAnHourAreDropped() {
        history.record("vault/1", beat(ServiceName.KEY_VAULT, T0, 10.0, 0, 0, null));
        history.record("vault/1", beat(ServiceName.KEY_VAULT, T0.plus(Duration.ofMinutes(61)), 1.0, 0, 0, null));

        List<OpsSource.Minute> minutes = history.minutes(at(T0.plus(Duration.ofMinutes(61))));

        assertThat(minutes.stream()
                        .mapToInt(OpsSource.Minute::instancesReporting)
                        .sum())
                .isEqualTo(1);
    }

    @Test
    void aSilentInstanceIsDownAndALiveOneIsNot() {
        history.record("vault/1", beat(ServiceName.KEY_VAULT, T0, 1.0, 0, 0, null));
        history.record("consent/1", beat(ServiceName.CONSENT, T0.plusSeconds(55), 1.0, 0, 0, null));

        List<OpsSource.Attention> attention = history.attention(at(T0.plusSeconds(61)));

        assertThat(attention).singleElement().satisfies(found -> {
            assertThat(found.rule()).isEqualTo("HrmServiceDown");
            assertThat(found.where()).isEqualTo("vault/1");
        });
    }

    @Test
    void deadLettersInTheLastFiveMinutesAreAttention() {
        history.record("vault/1", beat(ServiceName.KEY_VAULT, T0, 1.0, 0, 4, null));
        history.record("vault/1", beat(ServiceName.KEY_VAULT, T0.plus(Duration.ofMinutes(6)), 1.0, 0, 4, null));
        assertThat(history.attention(at(T0.plus(Duration.ofMinutes(6))))).isEmpty();

        history.record("vault/1", beat(ServiceName.KEY_VAULT, T0.plus(Duration.ofMinutes(7)), 1.0, 0, 6, null));

        assertThat(history.attention(at(T0.plus(Duration.ofMinutes(7)))))
                .extracting(OpsSource.Attention::rule, OpsSource.Attention::detail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("HrmDeadLetters", "2 dead letters in the last 5 min"));
    }

    @Test
    void lagAboveAHundredAndGrowingOverTenMinutesIsAttentionButSteadyLagIsNot() {
        history.record("vault/1", beat(ServiceName.KEY_VAULT, T0, 1.0, 150, 0, null));
        history.record("vault/1", beat(ServiceName.KEY_VAULT, T0.plus(Duration.ofMinutes(10)), 1.0, 150, 0, null));
        assertThat(history.attention(at(T0.plus(Duration.ofMinutes(10))))).isEmpty();

        history.record("vault/1", beat(ServiceName.KEY_VAULT, T0.plus(Duration.ofMinutes(11)), 1.0, 400, 0, null));

        assertThat(history.attention(at(T0.plus(Duration.ofMinutes(11)))))
                .extracting(OpsSource.Attention::rule)
                .containsExactly("HrmConsumerLagGrowing");
    }

    @Test
    void aStillChainHeadAndTransactionsPendingWithNothingProcessedAreAttention() {
        for (int minute = 0; minute <= 10; minute++) {
            history.record(
                    "writer/1",
                    beat(
                            ServiceName.LEDGER_WRITER,
                            T0.plus(Duration.ofMinutes(minute)),
                            0.0,
                            0,
                            0,
                            new OpsSource.Ledger(42, 3, List.of())));
        }

        assertThat(history.attention(at(T0.plus(Duration.ofMinutes(10)))))
                .extracting(OpsSource.Attention::rule)
                .containsExactlyInAnyOrder("HrmChainHeadNotAdvancing", "HrmLedgerPendingStuck");
    }

    @Test
    void aBusyWriterWithTransactionsAlwaysInFlightIsNotStuck() {
        for (int minute = 0; minute <= 10; minute++) {
            history.record(
                    "writer/1",
                    beat(
                            ServiceName.LEDGER_WRITER,
                            T0.plus(Duration.ofMinutes(minute)),
                            500.0,
                            0,
                            0,
                            new OpsSource.Ledger(42 + minute, 3, List.of())));
        }

        assertThat(history.attention(at(T0.plus(Duration.ofMinutes(10))))).isEmpty();
    }

    private static Clock at(Instant now) {
        return Clock.fixed(now, ZoneOffset.UTC);
    }

    private static Heartbeat beat(
            ServiceName service, Instant at, double perSecond, long lag, long deadLetters, OpsSource.Ledger ledger) {
        return new Heartbeat(service.name(), "i", at, INTERVAL, perSecond, lag, deadLetters, Map.of(), ledger);
    }
}
