package org.hrm.contracts;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The topics that carry C1 ({@code record-submitted}: C1 in clear of the vault's layer, with its shares;
 * {@code record-released}: C1 HPKE-sealed to its requester) and the settings that bound how long a copy lives there.
 *
 * <p>Both are {@code compact,delete}: every record is deleted after {@link #RETENTION} whatever happens, and the
 * vault's tombstone (key = record id, null value) for an erased record lets compaction remove its copies sooner. One
 * hour, not the seven days of the other topics: the vault seals a submission within seconds and a release is read by
 * the gateway within the request's timeout, so an hour is more than a hundred times the work it covers, and it is
 * the worst case for a copy that outlives its erasure when nothing else runs. It is also how long the vault may be
 * down before unsealed submissions are lost: the client keeps a record until it is committed and resubmits, and the
 * vault's lag is on its heartbeat for the operator well before that. {@link #SEGMENT} bounds how long a record waits
 * in the active segment (which neither deletion nor compaction touches); {@link #MAX_COMPACTION_LAG} how long a
 * tombstoned copy waits for the cleaner once its segment is closed.
 */
public final class ErasableTopics {
    public static final List<Topic> TOPICS = List.of(Topic.RECORD_SUBMITTED, Topic.RECORD_RELEASED);
    public static final Duration RETENTION = Duration.ofHours(1);
    public static final Duration SEGMENT = Duration.ofMinutes(10);
    public static final Duration MAX_COMPACTION_LAG = Duration.ofMinutes(10);
    /** How long the broker keeps the tombstone itself (no data in it): long enough for every consumer to see it. */
    public static final Duration TOMBSTONE_RETENTION = Duration.ofDays(1);

    private ErasableTopics() {}

    /** Whether {@code topic} carries C1 and is configured by {@link #config()}. */
    public static boolean carriesC1(Topic topic) {
        return TOPICS.contains(topic);
    }

    /** The Kafka topic configuration of every erasable topic. */
    public static Map<String, String> config() {
        return Map.of(
                "cleanup.policy", "compact,delete",
                "retention.ms", Long.toString(RETENTION.toMillis()),
                "segment.ms", Long.toString(SEGMENT.toMillis()),
                "max.compaction.lag.ms", Long.toString(MAX_COMPACTION_LAG.toMillis()),
                "delete.retention.ms", Long.toString(TOMBSTONE_RETENTION.toMillis()));
    }
}
