package org.hrm.sandbox.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hrm.client.kafka.RecordPublisher;
import org.hrm.contracts.Domain;
import org.hrm.sandbox.Platform;
import org.hrm.sandbox.SandboxAttester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The forgery phase of {@code ./hrm chaos} on the embedded platform: a registered patient with only its own key
 * forges every authority event a client may write; each must be dead-lettered with a reason by every service that
 * consumes it (or refused by the requester's client) and change nothing, on chain or off.
 */
class ForgeryIT {

    @Test
    void everyForgeryKindIsRefusedAndChangesNothing(@TempDir Path home) throws Exception {
        List<Forgery.Outcome> outcomes;
        // Outside the walls: this checks the first wall (signatures), as the chaos run's open broker does; inside
        // them the broker refuses most forgeries (a client writing a service's topic) before any service sees them.
        Platform.Options open = Platform.Options.ephemeral(home).withKafkaWalls(false);
        try (Platform platform = Platform.start(open, step -> {});
                RecordPublisher publisher = RecordPublisher.connect(platform.kafkaBootstrapServers())) {
            ChainAudit chain = new ChainAudit(
                    platform.chainRpc(),
                    List.of(
                            platform.ledgers().get(Domain.PATIENT),
                            platform.ledgers().get(Domain.PRACTITIONER)));
            outcomes = new ForgeryPhase(
                            platform.kafkaBootstrapServers(),
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
