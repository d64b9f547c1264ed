package org.hrm.contracts;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The topics that carry C1 ({@code record-submitted}: C1 in clear of the vault's layer, with its shares;
 * {@code record-released}: C1 HPKE-sealed to its requester) and the settings that bound how long a copy lives there.
 *
 * <p>Both are {@code compact,delete}: the vault's tombstone (key = record id, null value) for an erased record lets
 * compaction remove its copies within minutes of the erasure ({@link #SEGMENT} bounds how long a record waits in the
 * active segment, which neither deletion nor compaction touches; {@link #MAX_COMPACTION_LAG} how long a tombstoned
 * copy then waits for the cleaner), and retention deletes every copy after {@link #retention}.
 *
 * <p>Both keep one hour. record-released: the gateway or client that asked collects a release within its request's
 * timeout, so an hour is more than a hundred times the work it covers. record-submitted: the vault seals a submission
 * within seconds, and an hour leaves room for a vault outage (a submission not yet sealed when retention deletes it is
 * lost, and its author must submit again). Nothing else needs the copy: readers take a record's provenance (owner,
 * author, every share, the author's signature) from the vault's release, which keeps it with the record's key and
 * destroys it at erasure. Erasure does not wait for retention: compaction removes the erased record's copy.
 */
public final class ErasableTopics {
    public static final List<Topic> TOPICS = List.of(Topic.RECORD_SUBMITTED, Topic.RECORD_RELEASED);
    public static final Duration SUBMITTED_RETENTION = Duration.ofHours(1);
    public static final Duration RELEASED_RETENTION = Duration.ofHours(1);
    public static final Duration SEGMENT = Duration.ofMinutes(10);
    public static final Duration MAX_COMPACTION_LAG = Duration.ofMinutes(10);
    /** How long the broker keeps the tombstone itself (no data in it): long enough for every consumer to see it. */
    public static final Duration TOMBSTONE_RETENTION = Duration.ofDays(1);

    private ErasableTopics() {}

    /** Whether {@code topic} carries C1 and is configured by {@link #config}. */
    public static boolean carriesC1(Topic topic) {
        return TOPICS.contains(topic);
    }

    /** How long {@code topic} keeps a record that was not erased. */
    public static Duration retention(Topic topic) {
        if (!carriesC1(topic)) {
            throw new IllegalArgumentException(topic + " carries no C1");
        }
        return topic == Topic.RECORD_RELEASED ? RELEASED_RETENTION : SUBMITTED_RETENTION;
    }

    /** The Kafka topic configuration of an erasable topic. */
    public static Map<String, String> config(Topic topic) {
        return Map.of(
                "cleanup.policy", "compact,delete",
                "retention.ms", Long.toString(retention(topic).toMillis()),
                "segment.ms", Long.toString(SEGMENT.toMillis()),
                "max.compaction.lag.ms", Long.toString(MAX_COMPACTION_LAG.toMillis()),
                "delete.retention.ms", Long.toString(TOMBSTONE_RETENTION.toMillis()));
    }
}
