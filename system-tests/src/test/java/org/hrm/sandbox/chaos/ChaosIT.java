package org.hrm.sandbox.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * A short {@code ./hrm chaos}: every service, the broker, the database and the chain node in processes of their
 * own; records stream in while each service is killed with kill -9 and the infrastructure is restarted; then bad
 * input of every kind in every consumer, then every forgery kind ({@link ForgeryIT} covers those alone, faster).
 * Nothing accepted may be lost or written twice, no forgery obeyed. The broker process runs inside the walls (its
 * logins and ACLs survive its kill -9); every forgery goes out with a stolen login the broker accepts, so what refuses
 * it is the consumer's signature check.
 */
class ChaosIT {

    @Test
    void losesNothingWritesNothingTwiceAndRejectsEveryBadInputUnderEveryKindOfFault(@TempDir Path home)
            throws Exception {
        ChaosRun.Options options = new ChaosRun.Options(11, 150, 5, 1, Duration.ofSeconds(150), home, 1);

        ChaosSummary summary = ChaosRun.run(options, line -> System.out.println("[chaos-it] " + line));

        summary.probeReport().forEach(line -> System.out.println("[chaos-it] " + line));
        summary.forgeryReport().forEach(line -> System.out.println("[chaos-it] " + line));
        System.out.println("[chaos-it] " + JsonMapper.builder().build().writeValueAsString(summary.toMap()));
        assertThat(summary.faultsByKind())
                .as("every fault kind injected once")
                .containsOnlyKeys(java.util.Arrays.stream(FaultInjector.Kind.values())
                        .map(Enum::name)
                        .toArray(String[]::new))
                .allSatisfy((kind, count) -> assertThat(count).isEqualTo(1));
        assertThat(summary.recordsAccepted()).as("acknowledged by the broker").isGreaterThanOrEqualTo(150);
        assertThat(summary.toMap())
                .containsEntry("offeredRate", 5.0)
                .containsEntry("faultRounds", 1)
                .containsEntry("brokers", 1);
        assertThat((Integer) summary.toMap().get("committedDuringFaults"))
                .as("records sent while a fault was in progress, committed")
                .isPositive();
        assertThat(summary.commitP99MsDuringFaults()).isPositive();
        assertThat(summary.lost()).isZero();
        assertThat(summary.duplicatesOnChain()).isZero();
        assertThat(summary.badInputsRejected()).isEqualTo(summary.badInputsTried());
        assertThat(summary.badInputsTried()).isGreaterThanOrEqualTo(20);
        assertThat(summary.toMap().get("erasuresRequested"))
                .as("erasures requested (as the gateway, their only writer)")
                .isNotEqualTo(0);
        assertThat(summary.erasuresIncomplete()).isZero();
        assertThat(summary.decisionsNotMadeOnce()).isZero();
        assertThat(summary.chainWritesFromForgeries()).isZero();
        assertThat(summary.forgeriesAcceptedByBroker())
                .as("every forgery reached its consumers through the walls (stolen logins)")
                .isEqualTo(summary.forgeriesTried());
        assertThat(summary.forgeriesRefused()).isEqualTo(summary.forgeriesTried());
        assertThat(summary.passed()).as("%s", summary.toMap()).isTrue();
    }
}
