package org.hrm.contracts;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * How the broker keeps one catalogue topic: its cleanup policy, retention, the settings that come with them, a fixed
 * partition count where order matters, and the reason in one line (the retention table of docs/architecture.md prints it). Every
 * place that creates topics (the services in the sandbox, compose's {@code kafka-topics}, Kubernetes' KafkaTopics)
 * applies {@link #config()}, and deploy's {@code RetentionAgreementTest} and {@code SandboxTopicsIT} check they do.
 *
 * @param cleanup the {@code cleanup.policy}
 * @param retention the {@code retention.ms}, empty for a compacted topic (its latest value per key stays)
 * @param settings further topic settings that come with the policy (the segment and compaction bounds of a topic
 *     that carries C1)
 * @param partitions the partition count where the topic needs one (order), empty where the deployment chooses
 * @param reason why the topic is kept so long, one line
 */
public record TopicPolicy(
        Cleanup cleanup,
        Optional<Duration> retention,
        Map<String, String> settings,
        OptionalInt partitions,
        String reason) {

    /** Transport between services: a week covers a consumer down over a long weekend; state lives in databases. */
    public static final Duration TRANSPORT_RETENTION = Duration.ofDays(7);

    /** How long the audit trail and its anchors are kept: six years, as health-record rules commonly ask. */
    public static final Duration AUDIT_RETENTION = Duration.ofDays(6 * 365);

    /** Dead letters hold the reason and the payload's digest, never the payload: a month to investigate. */
    public static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(30);

    /** How long a copy of C1 waits in the active segment, which neither deletion nor compaction touches. */
    public static final Duration C1_SEGMENT = Duration.ofMinutes(10);

    /** How long a tombstoned copy of C1 waits for the cleaner once its segment is closed. */
    public static final Duration C1_MAX_COMPACTION_LAG = Duration.ofMinutes(10);

    /** How long the broker keeps an erasure tombstone itself (no data in it): long enough for every consumer. */
    public static final Duration C1_TOMBSTONE_RETENTION = Duration.ofDays(1);

    /** Kafka's {@code cleanup.policy} values. */
    public enum Cleanup {
        DELETE("delete"),
        COMPACT("compact"),
        COMPACT_DELETE("compact,delete");

        private final String value;

        Cleanup(String value) {
            this.value = value;
        }

        /** The value as Kafka spells it. */
        public String value() {
            return value;
        }
    }

    public TopicPolicy {
        settings = Map.copyOf(settings);
        if (reason == null || reason.isBlank() || reason.contains("\n") || reason.contains("|")) {
            throw new IllegalArgumentException("a topic's reason is one line without '|': " + reason);
        }
        if (retention.isPresent() == (cleanup == Cleanup.COMPACT)) {
            throw new IllegalArgumentException("a compacted topic has no retention, every other topic has one");
        }
    }

    /** Transport between services, kept {@link #TRANSPORT_RETENTION}. */
    public static TopicPolicy transport(String reason) {
        return deleteAfter(TRANSPORT_RETENTION, reason);
    }

    /**
     * A topic that carries C1: {@code compact,delete}, so the vault's erasure tombstone (key = record id, null value)
     * lets compaction remove the record's copies within {@link #C1_SEGMENT} plus {@link #C1_MAX_COMPACTION_LAG}, and
     * retention deletes every copy after {@code retention}.
     */
    public static TopicPolicy carriesC1(Duration retention, String reason) {
        return new TopicPolicy(
                Cleanup.COMPACT_DELETE,
                Optional.of(retention),
                Map.of(
                        "segment.ms", millis(C1_SEGMENT),
                        "max.compaction.lag.ms", millis(C1_MAX_COMPACTION_LAG),
                        "delete.retention.ms", millis(C1_TOMBSTONE_RETENTION)),
                OptionalInt.empty(),
                reason);
    }

    /** Standing state or a directory: compacted, the latest value per key kept for good. */
    public static TopicPolicy latestPerKey(String reason) {
        return new TopicPolicy(Cleanup.COMPACT, Optional.empty(), Map.of(), OptionalInt.empty(), reason);
    }

    /** The audit trail and what proves it: kept {@link #AUDIT_RETENTION}. */
    public static TopicPolicy audit(String reason) {
        return deleteAfter(AUDIT_RETENTION, reason);
    }

    /** A dead-letter topic (reason and digest, never the payload): kept {@link #DEAD_LETTER_RETENTION}. */
    public static TopicPolicy deadLetters(String reason) {
        return deleteAfter(DEAD_LETTER_RETENTION, reason);
    }

    /** Deleted after {@code retention}. */
    public static TopicPolicy deleteAfter(Duration retention, String reason) {
        return new TopicPolicy(Cleanup.DELETE, Optional.of(retention), Map.of(), OptionalInt.empty(), reason);
    }

    /** The same policy on exactly one partition, for a topic read in the order it was written. */
    public TopicPolicy onePartition() {
        return new TopicPolicy(cleanup, retention, settings, OptionalInt.of(1), reason);
    }

    /**
     * The same policy on a topic whose events carry a whole record (C1 or C2, up to 4 MiB of plaintext): the broker
     * takes messages up to {@link RecordLimits#MAX_MESSAGE_BYTES} on it, where its default is 1 MB.
     */
    public TopicPolicy carriesWholeRecords() {
        Map<String, String> larger = new TreeMap<>(settings);
        larger.put("max.message.bytes", Integer.toString(RecordLimits.MAX_MESSAGE_BYTES));
        return new TopicPolicy(cleanup, retention, larger, partitions, reason);
    }

    /** Whether erasure must reach this topic's copies through compaction (the topics that carry C1). */
    public boolean erasable() {
        return cleanup == Cleanup.COMPACT_DELETE;
    }

    /** The topic configuration to create the topic with, sorted by name. */
    public Map<String, String> config() {
        Map<String, String> config = new TreeMap<>(settings);
        config.put("cleanup.policy", cleanup.value());
        retention.ifPresent(keep -> config.put("retention.ms", millis(keep)));
        return config;
    }

    private static String millis(Duration duration) {
        return Long.toString(duration.toMillis());
    }
}
