package org.hrm.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hrm.contracts.events.AuditAnchored;
import org.hrm.contracts.events.AuditEvent;
import org.hrm.contracts.events.RecordReleased;
import org.hrm.contracts.events.RecordSubmitted;
import org.hrm.contracts.events.StandingGrants;
import org.junit.jupiter.api.Test;

/** What custody asks of the catalogue's policies (docs/custody.md, DESIGN.md "Custody"). */
class TopicPolicyTest {
    private static final Set<Class<?>> CARRY_C1 = Set.of(RecordSubmitted.class, RecordReleased.class);

    @Test
    void topicsCarryingC1AreCompactedOnErasureAndKeptAnHourAtMost() {
        for (Topic topic : Topic.values()) {
            TopicPolicy policy = topic.policy();

            assertThat(policy.erasable()).as(topic.name()).isEqualTo(CARRY_C1.contains(topic.valueType()));
            if (policy.erasable()) {
                assertThat(policy.retention())
                        .as(topic.name())
                        .hasValueSatisfying(
                                retention -> assertThat(retention).isLessThanOrEqualTo(Duration.ofHours(1)));
            }
        }
        assertThat(ErasableTopics.TOPICS).containsExactly(Topic.RECORD_SUBMITTED, Topic.RECORD_RELEASED);
    }

    @Test
    void aTopicCarryingC1IsCreatedWithTheSettingsThatBoundItsCopies() {
        assertThat(Topic.RECORD_SUBMITTED.policy().config())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "cleanup.policy", "compact,delete",
                        "retention.ms", "3600000",
                        "segment.ms", "600000",
                        "max.compaction.lag.ms", "600000",
                        "delete.retention.ms", "86400000",
                        // It carries whole records, up to 4 MiB of plaintext: more than the broker's 1 MB default.
                        "max.message.bytes", Integer.toString(RecordLimits.MAX_MESSAGE_BYTES)));
    }

    @Test
    void standingGrantsAreCompactedAndNeverExpire() {
        assertThat(Topic.STANDING_GRANTS.valueType()).isEqualTo(StandingGrants.class);
        assertThat(Topic.STANDING_GRANTS.policy().config())
                .containsExactlyInAnyOrderEntriesOf(Map.of("cleanup.policy", "compact"));
    }

    @Test
    void theAuditTrailAndItsAnchorsAreKeptSixYears() {
        Arrays.stream(Topic.values())
                .filter(topic -> topic.valueType() == AuditEvent.class || topic.valueType() == AuditAnchored.class)
                .forEach(topic -> assertThat(topic.policy().config())
                        .as(topic.name())
                        .containsEntry("cleanup.policy", "delete")
                        .containsEntry(
                                "retention.ms",
                                Long.toString(Duration.ofDays(2190).toMillis())));
    }

    @Test
    void everyOtherTopicIsDeletedAfterAStatedRetention() {
        for (Topic topic : Topic.values()) {
            TopicPolicy policy = topic.policy();

            assertThat(policy.reason()).as(topic.name()).isNotBlank();
            if (policy.cleanup() != TopicPolicy.Cleanup.COMPACT) {
                assertThat(policy.config()).as(topic.name()).containsKey("retention.ms");
            }
        }
    }

    @Test
    void operatorCommandsAndHeartbeatsHaveOnePartitionTheOthersTheDeploymentsCount() {
        assertThat(Arrays.stream(Topic.values())
                        .filter(topic -> topic.policy().partitions().isPresent()))
                .containsExactlyInAnyOrder(
                        Topic.VAULT_COMMANDS,
                        Topic.KEY_VAULT_HEARTBEATS,
                        Topic.LEDGER_WRITER_HEARTBEATS,
                        Topic.CONSENT_HEARTBEATS,
                        Topic.GATEWAY_HEARTBEATS);
        assertThat(Topic.VAULT_COMMANDS.policy().partitions()).hasValue(1);
    }

    @Test
    void refusesAReasonThatIsNotOneTableCellOrACompactedTopicWithRetention() {
        assertThatThrownBy(() -> TopicPolicy.transport("two\nlines")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TopicPolicy.transport("a | b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TopicPolicy(
                        TopicPolicy.Cleanup.COMPACT,
                        Optional.of(Duration.ofDays(1)),
                        Map.of(),
                        java.util.OptionalInt.empty(),
                        "state"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
