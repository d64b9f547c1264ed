package org.hrm.contracts;

import static org.hrm.contracts.TopicPolicy.audit;
import static org.hrm.contracts.TopicPolicy.carriesC1;
import static org.hrm.contracts.TopicPolicy.deadLetters;
import static org.hrm.contracts.TopicPolicy.latestPerKey;
import static org.hrm.contracts.TopicPolicy.transport;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hrm.contracts.events.AccessDecided;
import org.hrm.contracts.events.AccessRequested;
import org.hrm.contracts.events.AuditAnchored;
import org.hrm.contracts.events.AuditEvent;
import org.hrm.contracts.events.ConsentGranted;
import org.hrm.contracts.events.ConsentRevoked;
import org.hrm.contracts.events.ErasureCommitted;
import org.hrm.contracts.events.ErasureReceipt;
import org.hrm.contracts.events.ErasureRequested;
import org.hrm.contracts.events.KeysDestroyed;
import org.hrm.contracts.events.PartyHistory;
import org.hrm.contracts.events.PartyKeyRotated;
import org.hrm.contracts.events.PartyRegistered;
import org.hrm.contracts.events.RecordCommitted;
import org.hrm.contracts.events.RecordReleaseDenied;
import org.hrm.contracts.events.RecordReleased;
import org.hrm.contracts.events.RecordSealed;
import org.hrm.contracts.events.RecordSubmitted;
import org.hrm.contracts.events.ServiceHeartbeat;
import org.hrm.contracts.events.StandingGrants;
import org.hrm.contracts.events.VaultCommand;
import org.hrm.contracts.events.VaultProgress;

/**
 * The topic catalogue: every topic's name, key, value type and single producing service.
 *
 * <p>Record topics exist once per {@link Domain} so patient and practitioner data never share a log.
 *
 * <p>A topic carries one value type, except {@link #PARTY_REGISTERED}, which also carries {@link PartyKeyRotated}
 * (told apart by the {@link EventHeaders#EVENT_TYPE} header): keyed by party id on one topic, a party's registration
 * and its rotations stay in order, which two topics could not promise.
 *
 * <p>Each entry's {@link TopicPolicy} says how long the broker keeps it and why; every place that creates topics
 * applies it. A new topic is one entry here: name, key, value type, producer, per domain or not, and its policy.
 */
public enum Topic {
    RECORD_SUBMITTED(
            "record-submitted",
            "recordId",
            RecordSubmitted.class,
            ServiceName.CLIENT,
            true,
            carriesC1(
                            Duration.ofHours(1),
                            "C1 in clear of the vault's layer: sealed within seconds, the hour covers a vault outage")
                    .carriesWholeRecords()),
    RECORD_SEALED(
            "record-sealed",
            "recordId",
            RecordSealed.class,
            ServiceName.KEY_VAULT,
            true,
            transport("C2 and shares on their way to the chain: the ledger writer keeps them until they are on it")
                    .carriesWholeRecords()),
    RECORD_COMMITTED(
            "record-committed",
            "recordId",
            RecordCommitted.class,
            ServiceName.LEDGER_WRITER,
            true,
            transport("notices that a record is on chain: the chain is the record")),
    PARTY_REGISTERED(
            "parties.registered",
            "partyId",
            PartyRegistered.class,
            ServiceName.CLIENT,
            false,
            transport("signed registrations and rotations in order (compaction would drop a registration behind its"
                    + " rotation): each service keeps its directory in its own database")),
    /**
     * Each party's whole signed history (its registration and every rotation, exactly as sent), published by
     * consent-service after it accepts one: what clients read the directory from, and verify themselves. Compacted
     * with no time limit, because parties.registered keeps days, and compacting that topic would keep only a party's
     * last rotation and lose its registration.
     */
    PARTY_DIRECTORY(
            "parties.directory",
            "partyId (compacted)",
            PartyHistory.class,
            ServiceName.CONSENT,
            false,
            latestPerKey("each party's whole signed history, which clients read and verify: never expires")),
    CONSENT_GRANTED(
            "consent-granted",
            "ownerId",
            ConsentGranted.class,
            ServiceName.CLIENT,
            true,
            transport("owner-signed grants: consent-service and the chain keep them")),
    CONSENT_REVOKED(
            "consent-revoked",
            "ownerId",
            ConsentRevoked.class,
            ServiceName.CLIENT,
            true,
            transport("owner-signed revocations: consent-service and the chain keep them")),
    STANDING_GRANTS(
            "standing-grants",
            "ownerId (compacted)",
            StandingGrants.class,
            ServiceName.CONSENT,
            true,
            latestPerKey("standing state: each owner's current grants, which authors' clients read whole")),
    ACCESS_REQUESTED(
            "access-requested",
            "recordId",
            AccessRequested.class,
            ServiceName.CLIENT,
            true,
            transport("requests decided within seconds: consent-service keeps its decisions")),
    ACCESS_DECIDED(
            "access-decided",
            "recordId",
            AccessDecided.class,
            ServiceName.CONSENT,
            true,
            transport("single-use decisions, expired within minutes: the vault keeps the ones it used")),
    RECORD_RELEASED(
            "record-released",
            "recordId",
            RecordReleased.class,
            ServiceName.KEY_VAULT,
            true,
            carriesC1(
                            Duration.ofHours(1),
                            "C1 sealed to its requester, collected within the request's timeout: an hour is a hundred times"
                                    + " that")
                    .carriesWholeRecords()),
    RECORD_RELEASE_DENIED(
            "record-release-denied",
            "recordId",
            RecordReleaseDenied.class,
            ServiceName.KEY_VAULT,
            true,
            transport("answers to requests, collected within the request's timeout")),
    ERASURE_REQUESTED(
            "erasure-requested",
            "ownerId",
            ErasureRequested.class,
            ServiceName.GATEWAY,
            true,
            transport("requests the vault acts on within seconds: it keeps each erasure")),
    KEYS_DESTROYED(
            "keys-destroyed",
            "ownerId",
            KeysDestroyed.class,
            ServiceName.KEY_VAULT,
            true,
            transport("tombstones on their way to the chain and consent-service, which keep them")),
    ERASURE_COMMITTED(
            "erasure-committed",
            "ownerId",
            ErasureCommitted.class,
            ServiceName.LEDGER_WRITER,
            true,
            transport("notices that tombstones are on chain: the chain is the record")),
    ERASURE_RECEIPTS(
            "erasure-receipts",
            "requestId",
            ErasureReceipt.class,
            ServiceName.KEY_VAULT,
            true,
            transport("signed receipts: the vault keeps the erasures they are made from")),
    VAULT_COMMANDS(
            "ops.vault-commands",
            "commandId",
            VaultCommand.class,
            ServiceName.CLIENT,
            false,
            transport("operators' commands, run within seconds and in order (one partition)")
                    .onePartition()),
    VAULT_PROGRESS(
            "ops.vault-progress",
            "commandId",
            VaultProgress.class,
            ServiceName.KEY_VAULT,
            false,
            transport("progress of operators' commands, watched while they run")),
    AUDIT(
            "ops.audit",
            "patient id (owner)",
            AuditEvent.class,
            ServiceName.CONSENT,
            false,
            audit("the audit trail, as health-record rules commonly ask (its Merkle roots are on chain)")),
    /** The gateway's own audit events (one per request that touches a record): ops.audit has consent as producer. */
    GATEWAY_AUDIT(
            "ops.gateway-audit",
            "patient id (owner)",
            AuditEvent.class,
            ServiceName.GATEWAY,
            false,
            audit("the audit trail, as health-record rules commonly ask (its Merkle roots are on chain)")),
    /** Audit batches whose Merkle roots are on chain, with each event's place (for the proofs of access histories). */
    AUDIT_ANCHORED(
            "ops.audit-anchored",
            "root",
            AuditAnchored.class,
            ServiceName.LEDGER_WRITER,
            false,
            audit("the leaves of the anchored roots, which prove an access history: as long as the audit trail")),
    KEY_VAULT_DEAD_LETTER(
            "dlt.key-vault",
            "original key",
            byte[].class,
            ServiceName.KEY_VAULT,
            false,
            deadLetters("reason and payload digest, never the payload: a month to investigate")),
    LEDGER_WRITER_DEAD_LETTER(
            "dlt.ledger-writer",
            "original key",
            byte[].class,
            ServiceName.LEDGER_WRITER,
            false,
            deadLetters("reason and payload digest, never the payload: a month to investigate")),
    CONSENT_DEAD_LETTER(
            "dlt.consent",
            "original key",
            byte[].class,
            ServiceName.CONSENT,
            false,
            deadLetters("reason and payload digest, never the payload: a month to investigate")),
    /** Events the gateway's views could not read: the topic's producer may have accepted what the gateway cannot. */
    GATEWAY_DEAD_LETTER(
            "dlt.gateway",
            "original key",
            byte[].class,
            ServiceName.GATEWAY,
            false,
            deadLetters("reason and payload digest, never the payload: a month to investigate")),
    // One heartbeat topic per service, so each topic keeps a single producer.
    KEY_VAULT_HEARTBEATS(
            "ops.heartbeats.key-vault",
            "instanceId",
            ServiceHeartbeat.class,
            ServiceName.KEY_VAULT,
            false,
            heartbeats()),
    LEDGER_WRITER_HEARTBEATS(
            "ops.heartbeats.ledger-writer",
            "instanceId",
            ServiceHeartbeat.class,
            ServiceName.LEDGER_WRITER,
            false,
            heartbeats()),
    CONSENT_HEARTBEATS(
            "ops.heartbeats.consent", "instanceId", ServiceHeartbeat.class, ServiceName.CONSENT, false, heartbeats()),
    GATEWAY_HEARTBEATS(
            "ops.heartbeats.gateway", "instanceId", ServiceHeartbeat.class, ServiceName.GATEWAY, false, heartbeats());

    private static final String PREFIX = "hrm.";

    private static TopicPolicy heartbeats() {
        return TopicPolicy.deleteAfter(
                        Duration.ofDays(1), "liveness: the latest beats are what count, one partition in order")
                .onePartition();
    }

    private final String suffix;
    private final String key;
    private final Class<?> valueType;
    private final ServiceName producer;
    private final boolean perDomain;
    private final TopicPolicy policy;

    Topic(String suffix, String key, Class<?> valueType, ServiceName producer, boolean perDomain, TopicPolicy policy) {
        this.suffix = suffix;
        this.key = key;
        this.valueType = valueType;
        this.producer = producer;
        this.perDomain = perDomain;
        this.policy = policy;
    }

    /** Every value type this topic carries: {@link #valueType()}, plus {@link PartyKeyRotated} on parties.registered. */
    public List<Class<?>> valueTypes() {
        return this == PARTY_REGISTERED ? List.of(PartyRegistered.class, PartyKeyRotated.class) : List.of(valueType);
    }

    /** Name of a per-domain topic, e.g. {@code hrm.patient.record-submitted}. */
    public String name(Domain domain) {
        if (!perDomain) {
            throw new IllegalStateException(this + " is not per domain");
        }
        return PREFIX + domain.id() + "." + suffix;
    }

    /** Name of a topic that is not per domain, e.g. {@code hrm.dlt.key-vault}. */
    public String topicName() {
        if (perDomain) {
            throw new IllegalStateException(this + " exists once per domain");
        }
        return PREFIX + suffix;
    }

    /** Every concrete topic name of this entry (one per domain, or one). */
    public List<String> allNames() {
        return perDomain ? Arrays.stream(Domain.values()).map(this::name).toList() : List.of(topicName());
    }

    /** The domain a concrete per-domain topic name belongs to, if it is one of this entry's names. */
    public Optional<Domain> domainOf(String topicName) {
        return Arrays.stream(Domain.values())
                .filter(domain -> perDomain && name(domain).equals(topicName))
                .findFirst();
    }

    /** The heartbeat topic {@code service} produces, if it has one. */
    public static Optional<Topic> heartbeatsOf(ServiceName service) {
        return Arrays.stream(values())
                .filter(topic -> topic.valueType == ServiceHeartbeat.class && topic.producer == service)
                .findFirst();
    }

    /** How the broker keeps this topic (cleanup policy, retention, partitions) and why: every creator applies it. */
    public TopicPolicy policy() {
        return policy;
    }

    public String key() {
        return key;
    }

    /** The topic's main value type (see {@link #valueTypes()} for a topic that carries more than one). */
    public Class<?> valueType() {
        return valueType;
    }

    public ServiceName producer() {
        return producer;
    }

    public boolean perDomain() {
        return perDomain;
    }
}
