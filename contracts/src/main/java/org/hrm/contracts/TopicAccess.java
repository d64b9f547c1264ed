package org.hrm.contracts;

import static org.hrm.contracts.KafkaRole.CONSENT;
import static org.hrm.contracts.KafkaRole.GATEWAY;
import static org.hrm.contracts.KafkaRole.HOSPITAL;
import static org.hrm.contracts.KafkaRole.KEY_VAULT;
import static org.hrm.contracts.KafkaRole.LEDGER_WRITER;
import static org.hrm.contracts.KafkaRole.OPERATOR;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which {@link KafkaRole} writes and which reads each topic of the catalogue: the source of every Kafka ACL (compose's
 * acls.txt and the Kubernetes KafkaUsers must grant exactly this, checked by the deploy module's
 * KafkaAclCoverageTest). The readers are what the services' code subscribes to (KafkaSubscriptionsIT compares each
 * running service's consumers with {@link #topicsReadBy}); the writers follow {@link Topic#producer()}.
 *
 * <p>Both are exhaustive switches over {@link Topic}: a new topic does not compile until it names its readers here.
 *
 * <p>A hospital reads nothing that concerns other parties: standing grants, release answers, commits and the audit
 * trail name other patients, so hospitals reach them through the gateway, as API clients with their own credentials,
 * where each answer is checked against the caller's identity. Hospitals read only the {@link #PUBLIC} topics.
 */
public final class TopicAccess {
    /**
     * The topics that concern no one party in particular (the party directory: ids, kinds and public keys), the only
     * ones a hospital may read. A topic added here must carry nothing about one party that another may not see.
     */
    public static final Set<Topic> PUBLIC = Set.of(Topic.PARTY_REGISTERED, Topic.PARTY_DIRECTORY);

    private TopicAccess() {}

    /** The roles whose code reads {@code topic}. */
    public static Set<KafkaRole> readers(Topic topic) {
        return switch (topic) {
            case RECORD_SUBMITTED -> EnumSet.of(KEY_VAULT, CONSENT, GATEWAY);
            case RECORD_SEALED -> EnumSet.of(LEDGER_WRITER, GATEWAY);
            case RECORD_COMMITTED -> EnumSet.of(GATEWAY);
            case PARTY_REGISTERED -> EnumSet.of(CONSENT, KEY_VAULT, LEDGER_WRITER, GATEWAY, HOSPITAL);
            // Clients' directory (SDK, CLI, FHIR edge): each verifies every history itself.
            case PARTY_DIRECTORY -> EnumSet.of(HOSPITAL, OPERATOR);
            case CONSENT_GRANTED, CONSENT_REVOKED -> EnumSet.of(CONSENT, LEDGER_WRITER);
            case STANDING_GRANTS -> EnumSet.of(GATEWAY);
            case ACCESS_REQUESTED -> EnumSet.of(CONSENT);
            case ACCESS_DECIDED -> EnumSet.of(KEY_VAULT);
            case RECORD_RELEASED, RECORD_RELEASE_DENIED -> EnumSet.of(GATEWAY);
            case ERASURE_REQUESTED -> EnumSet.of(KEY_VAULT, GATEWAY);
            case KEYS_DESTROYED -> EnumSet.of(CONSENT, LEDGER_WRITER, GATEWAY);
            case ERASURE_COMMITTED -> EnumSet.of(KEY_VAULT, GATEWAY);
            case ERASURE_RECEIPTS -> EnumSet.of(GATEWAY);
            case VAULT_COMMANDS -> EnumSet.of(KEY_VAULT);
            case VAULT_PROGRESS -> EnumSet.of(OPERATOR);
            case AUDIT, GATEWAY_AUDIT -> EnumSet.of(LEDGER_WRITER, GATEWAY, OPERATOR);
            case AUDIT_ANCHORED -> EnumSet.of(GATEWAY, OPERATOR);
            case KEY_VAULT_DEAD_LETTER, LEDGER_WRITER_DEAD_LETTER, CONSENT_DEAD_LETTER, GATEWAY_DEAD_LETTER ->
                EnumSet.of(OPERATOR);
            case KEY_VAULT_HEARTBEATS, LEDGER_WRITER_HEARTBEATS, CONSENT_HEARTBEATS, GATEWAY_HEARTBEATS ->
                EnumSet.of(GATEWAY, OPERATOR);
        };
    }

    /**
     * The roles that write {@code topic}: its producer's. The catalogue's {@link ServiceName#CLIENT} is hospital
     * systems and the gateway acting for its API callers, except for the vault commands, which only operators'
     * tooling writes (no hospital can rotate or retire the vault's master keys). The vault also writes the erasure
     * tombstones (null values, never events) of the topics that carry C1 (docs/custody.md).
     */
    public static Set<KafkaRole> writers(Topic topic) {
        Set<KafkaRole> writers = switch (topic.producer()) {
            case CLIENT -> topic == Topic.VAULT_COMMANDS ? EnumSet.of(OPERATOR) : EnumSet.of(HOSPITAL, GATEWAY);
            case GATEWAY -> EnumSet.of(GATEWAY);
            case CONSENT -> EnumSet.of(CONSENT);
            case KEY_VAULT -> EnumSet.of(KEY_VAULT);
            case LEDGER_WRITER -> EnumSet.of(LEDGER_WRITER);
        };
        if (ErasableTopics.carriesC1(topic)) {
            writers.add(KEY_VAULT);
        }
        return writers;
    }

    /** Every concrete topic name {@code role} reads. */
    public static Set<String> topicsReadBy(KafkaRole role) {
        return names(Arrays.stream(Topic.values())
                .filter(topic -> readers(topic).contains(role))
                .toList());
    }

    /** Every concrete topic name {@code role} writes. */
    public static Set<String> topicsWrittenBy(KafkaRole role) {
        return names(Arrays.stream(Topic.values())
                .filter(topic -> writers(topic).contains(role))
                .toList());
    }

    private static Set<String> names(List<Topic> topics) {
        return Set.copyOf(
                topics.stream().flatMap(topic -> topic.allNames().stream()).toList());
    }
}
