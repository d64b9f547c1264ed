package org.hrm.contracts;

import java.util.Arrays;
import java.util.List;

/**
 * The topics that carry C1 ({@code record-submitted}: C1 in clear of the vault's layer, with its shares;
 * {@code record-released}: C1 HPKE-sealed to its requester): those whose {@link TopicPolicy} is
 * {@link TopicPolicy#carriesC1 compact,delete}, so an erasure reaches their copies.
 *
 * <p>The vault's tombstone (key = record id, null value) for an erased record lets compaction remove its copies within
 * minutes of the erasure ({@link TopicPolicy#C1_SEGMENT} bounds how long a record waits in the active segment, which
 * neither deletion nor compaction touches; {@link TopicPolicy#C1_MAX_COMPACTION_LAG} how long a tombstoned copy then
 * waits for the cleaner), and retention deletes every copy after the hour the catalogue gives both.
 *
 * <p>record-released: the gateway or client that asked collects a release within its request's timeout, so an hour is
 * more than a hundred times the work it covers. record-submitted: the vault seals a submission within seconds, and an
 * hour leaves room for a vault outage (a submission not yet sealed when retention deletes it is lost, and its author
 * must submit again). Nothing else needs the copy: readers take a record's provenance (owner, author, every share,
 * the author's signature) from the vault's release, which keeps it with the record's key and destroys it at erasure.
 * Erasure does not wait for retention: compaction removes the erased record's copy.
 */
public final class ErasableTopics {
    public static final List<Topic> TOPICS = Arrays.stream(Topic.values())
            .filter(topic -> topic.policy().erasable())
            .toList();

    private ErasableTopics() {}

    /** Whether {@code topic} carries C1 (and erasure reaches it through compaction). */
    public static boolean carriesC1(Topic topic) {
        return topic.policy().erasable();
    }
}
