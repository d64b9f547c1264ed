package org.hrm.contracts;

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
 */
public enum Topic {
    RECORD_SUBMITTED("record-submitted", "recordId", RecordSubmitted.class, ServiceName.CLIENT, true),
    RECORD_SEALED("record-sealed", "recordId", RecordSealed.class, ServiceName.KEY_VAULT, true),
    RECORD_COMMITTED("record-committed", "recordId", RecordCommitted.class, ServiceName.LEDGER_WRITER, true),
    PARTY_REGISTERED("parties.registered", "partyId", PartyRegistered.class, ServiceName.CLIENT, false),
    CONSENT_GRANTED("consent-granted", "ownerId", ConsentGranted.class, ServiceName.CLIENT, true),
    CONSENT_REVOKED("consent-revoked", "ownerId", ConsentRevoked.class, ServiceName.CLIENT, true),
    STANDING_GRANTS("standing-grants", "ownerId (compacted)", StandingGrants.class, ServiceName.CONSENT, true),
    ACCESS_REQUESTED("access-requested", "recordId", AccessRequested.class, ServiceName.CLIENT, true),
    ACCESS_DECIDED("access-decided", "recordId", AccessDecided.class, ServiceName.CONSENT, true),
    RECORD_RELEASED("record-released", "recordId", RecordReleased.class, ServiceName.KEY_VAULT, true),
    RECORD_RELEASE_DENIED("record-release-denied", "recordId", RecordReleaseDenied.class, ServiceName.KEY_VAULT, true),
    ERASURE_REQUESTED("erasure-requested", "ownerId", ErasureRequested.class, ServiceName.GATEWAY, true),
    KEYS_DESTROYED("keys-destroyed", "ownerId", KeysDestroyed.class, ServiceName.KEY_VAULT, true),
    ERASURE_COMMITTED("erasure-committed", "ownerId", ErasureCommitted.class, ServiceName.LEDGER_WRITER, true),
    ERASURE_RECEIPTS("erasure-receipts", "requestId", ErasureReceipt.class, ServiceName.KEY_VAULT, true),
    VAULT_COMMANDS("ops.vault-commands", "commandId", VaultCommand.class, ServiceName.CLIENT, false),
    VAULT_PROGRESS("ops.vault-progress", "commandId", VaultProgress.class, ServiceName.KEY_VAULT, false),
    AUDIT("ops.audit", "patient id (owner)", AuditEvent.class, ServiceName.CONSENT, false),
    /** The gateway's own audit events (one per request that touches a record): ops.audit has consent as producer. */
    GATEWAY_AUDIT("ops.gateway-audit", "patient id (owner)", AuditEvent.class, ServiceName.GATEWAY, false),
    /** Audit batches whose Merkle roots are on chain, with each event's place (for the proofs of access histories). */
    AUDIT_ANCHORED("ops.audit-anchored", "root", AuditAnchored.class, ServiceName.LEDGER_WRITER, false),
    KEY_VAULT_DEAD_LETTER("dlt.key-vault", "original key", byte[].class, ServiceName.KEY_VAULT, false),
    LEDGER_WRITER_DEAD_LETTER("dlt.ledger-writer", "original key", byte[].class, ServiceName.LEDGER_WRITER, false),
    CONSENT_DEAD_LETTER("dlt.consent", "original key", byte[].class, ServiceName.CONSENT, false),
    /** Events the gateway's views could not read: the topic's producer may have accepted what the gateway cannot. */
    GATEWAY_DEAD_LETTER("dlt.gateway", "original key", byte[].class, ServiceName.GATEWAY, false),
    // One heartbeat topic per service, so each topic keeps a single producer.
    KEY_VAULT_HEARTBEATS(
            "ops.heartbeats.key-vault", "instanceId", ServiceHeartbeat.class, ServiceName.KEY_VAULT, false),
    LEDGER_WRITER_HEARTBEATS(
            "ops.heartbeats.ledger-writer", "instanceId", ServiceHeartbeat.class, ServiceName.LEDGER_WRITER, false),
    CONSENT_HEARTBEATS("ops.heartbeats.consent", "instanceId", ServiceHeartbeat.class, ServiceName.CONSENT, false),
    GATEWAY_HEARTBEATS("ops.heartbeats.gateway", "instanceId", ServiceHeartbeat.class, ServiceName.GATEWAY, false);

    /** How long the audit trail and its anchors are kept: six years, as health-record rules commonly ask. */
    public static final Duration AUDIT_RETENTION = Duration.ofDays(6 * 365);

    private static final String PREFIX = "hrm.";

    private final String suffix;
    private final String key;
    private final Class<?> valueType;
    private final ServiceName producer;
    private final boolean perDomain;

    Topic(String suffix, String key, Class<?> valueType, ServiceName producer, boolean perDomain) {
        this.suffix = suffix;
        this.key = key;
        this.valueType = valueType;
        this.producer = producer;
        this.perDomain = perDomain;
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

    /** The retention this topic must be created with, where it differs from the broker's default. */
    public Optional<Duration> retention() {
        boolean auditTrail = valueType == AuditEvent.class || valueType == AuditAnchored.class;
        return auditTrail ? Optional.of(AUDIT_RETENTION) : Optional.empty();
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
