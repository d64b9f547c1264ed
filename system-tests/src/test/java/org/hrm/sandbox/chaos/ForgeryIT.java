package org.hrm.sandbox.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hrm.client.kafka.RecordPublisher;
import org.hrm.contracts.Domain;
import org.hrm.sandbox.Platform;
import org.hrm.sandbox.SandboxAttester;
import org.hrm.sandbox.SandboxPrincipals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The forgery phase of {@code ./hrm chaos} on the embedded platform, inside the walls: a registered patient with only
 * its own key, and the stolen Kafka login of each topic's rightful writer, forges every authority event; the broker
 * must accept each (the login may write the topic), and each must then be dead-lettered with a reason by every service
 * that consumes it (or refused by the requester's client) and change nothing, on chain or off.
 */
class ForgeryIT {

    @Test
    void everyForgeryKindIsRefusedAndChangesNothing(@TempDir Path home) throws Exception {
        List<Forgery.Outcome> outcomes;
        Platform.Options walled = Platform.Options.ephemeral(home).withKafkaWalls(true);
        try (Platform platform = Platform.start(walled, step -> {});
                RecordPublisher publisher = platform.publisher(SandboxPrincipals.HOSPITAL)) {
            assertThat(platform.kafkaWalls())
                    .as("the broker runs inside the walls")
                    .isTrue();
            ChainAudit chain = new ChainAudit(
                    platform.chainRpc(),
                    List.of(
                            platform.ledgers().get(Domain.PATIENT),
                            platform.ledgers().get(Domain.PRACTITIONER)));
            outcomes = new ForgeryPhase(
                            platform::kafka,
                            publisher,
                            chain,
                            platform::mongoUri,
                            SandboxAttester.of(platform.endpoints()),
                            line -> System.out.println("[forgery-it] " + line))
                    .run();
        }
        ChaosSummary summary = new ChaosSummary(0, new Workload());
        summary.forgeries(outcomes);
        summary.forgeryReport().forEach(line -> System.out.println("[forgery-it] " + line));
        Map<String, Object> json = summary.toMap();

        assertThat(json.get("forgeriesTried")).isEqualTo(ForgeryPhase.KINDS.size());
        assertThat(outcomes)
                .as("the broker took every forgery from the stolen login: the signature checks refused them")
                .allSatisfy(outcome -> assertThat(outcome.brokerRefusal())
                        .as(outcome.forgery().kind())
                        .isNull());
        assertThat(json.get("forgeriesAcceptedByBroker")).isEqualTo((long) ForgeryPhase.KINDS.size());
        assertThat(outcomes)
                .as("forgeries of a service's topic go out with that service's stolen login")
                .anySatisfy(outcome ->
                        assertThat(outcome.forgery().publishedAs()).isNotEqualTo(SandboxPrincipals.HOSPITAL));
        assertThat(summary.forgeriesByKind())
                .as("every kind tried once and refused: %s", summary.forgeryReport())
                .containsOnlyKeys(ForgeryPhase.KINDS)
                .allSatisfy((kind, counts) ->
                        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of("tried", 1, "refused", 1)));
        assertThat(json.get("forgeriesRefused")).isEqualTo((long) ForgeryPhase.KINDS.size());
        assertThat(json.get("chainWritesFromForgeries")).isEqualTo(0);
        assertThat(summary.forgeriesAllRefused()).isTrue();
    }
}
