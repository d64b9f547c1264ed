package org.hrm.consent.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Builds the audit events of decisions, grants, revocations and erasures. Events of things done once get ids
 * derived from what they audit, so a replay after a crash repeats the same event rather than adding one.
 */
public final class Audits {
    static final String TYPE = "rest";
    static final String READ = "read";
    static final String CONSENT = "consent";
    static final String ERASURE = "erasure";
    static final String SUCCESS = "0";
    static final String FAILURE = "4";

    private Audits() {}

    public static Audit decision(Decision d) {
        return new Audit(
                derivedId("decision", d.domain(), d.requestId()),
                TYPE,
                READ,
                "R",
                d.decidedAt(),
                d.allowed() ? SUCCESS : FAILURE,
                d.reason(),
                decisionAgents(d),
                decisionEntities(d),
                d.purpose(),
                d.emergency(),
                d.domain(),
                d.patientId());
    }

    public static Audit grantStored(Grant grant, Instant now) {
        String outcome = grant.revoked() ? "grant stored, revoked before it arrived" : "grant stored";
        return grant(derivedId("grant", grant.domain(), grant.grantId()), grant, SUCCESS, outcome, now);
    }

    public static Audit grantRejected(Grant grant, String reason, Instant now) {
        return grant(UUID.randomUUID().toString(), grant, FAILURE, reason, now);
    }

    public static Audit revocationStored(Revocation revocation, Grant grant, Instant now) {
        String outcome = grant == null ? "revocation stored before its grant arrived" : "grant revoked";
        return revocation(
                derivedId("revocation", revocation.domain(), revocation.grantId()),
                revocation,
                grant,
                SUCCESS,
                outcome,
                now);
    }

    public static Audit revocationRejected(Revocation revocation, Grant grant, String reason, Instant now) {
        return revocation(UUID.randomUUID().toString(), revocation, grant, FAILURE, reason, now);
    }

    /** The owner's records whose keys were destroyed, each an entity, with the erasure request. */
    public static Audit erasure(Erasure erasure, Instant now) {
        List<Audit.Entity> entities = new ArrayList<>();
        erasure.recordIds().forEach(recordId -> entities.add(new Audit.Entity(recordId, "record")));
        entities.add(new Audit.Entity(erasure.requestId(), "request"));
        String description = (erasure.allRecords() ? "all records erased" : "record erased") + ": keys destroyed at "
                + erasure.destroyedAt();
        return new Audit(
                derivedId("erasure", erasure.domain(), erasure.requestId()),
                TYPE,
                ERASURE,
                "D",
                now,
                SUCCESS,
                description,
                List.of(new Audit.Agent(erasure.ownerId(), "owner", true)),
                entities,
                null,
                false,
                erasure.domain(),
                erasure.ownerId());
    }

    private static Audit grant(String id, Grant grant, String outcome, String description, Instant now) {
        List<Audit.Entity> entities = new ArrayList<>(List.of(new Audit.Entity(grant.grantId(), "grant")));
        grant.scope().recordIds().forEach(recordId -> entities.add(new Audit.Entity(recordId, "record")));
        return new Audit(
                id,
                TYPE,
                CONSENT,
                "C",
                now,
                outcome,
                description,
                List.of(
                        new Audit.Agent(grant.ownerId(), "owner", true),
                        new Audit.Agent(grant.granteeId(), "grantee", false)),
                entities,
                grant.purpose(),
                false,
                grant.domain(),
                grant.ownerId());
    }

    private static Audit revocation(
            String id, Revocation revocation, Grant grant, String outcome, String description, Instant now) {
        List<Audit.Agent> agents = new ArrayList<>(List.of(new Audit.Agent(revocation.ownerId(), "owner", true)));
        if (grant != null) {
            agents.add(new Audit.Agent(grant.granteeId(), "grantee", false));
        }
        return new Audit(
                id,
                TYPE,
                CONSENT,
                "D",
                now,
                outcome,
                description,
                agents,
                List.of(new Audit.Entity(revocation.grantId(), "grant")),
                null,
                false,
                revocation.domain(),
                revocation.ownerId());
    }

    /** The requester and, when it is someone else (emergency: the institution), whose share is released. */
    private static List<Audit.Agent> decisionAgents(Decision d) {
        List<Audit.Agent> agents = new ArrayList<>(List.of(new Audit.Agent(d.requesterId(), "requester", true)));
        if (d.shareHolderId() != null && !d.shareHolderId().equals(d.requesterId())) {
            agents.add(new Audit.Agent(d.shareHolderId(), "share-holder", false));
        }
        return agents;
    }

    private static List<Audit.Entity> decisionEntities(Decision d) {
        List<Audit.Entity> entities = new ArrayList<>(
                List.of(new Audit.Entity(d.recordId(), "record"), new Audit.Entity(d.requestId(), "request")));
        if (d.grantId() != null) {
            entities.add(new Audit.Entity(d.grantId(), "grant"));
        }
        return entities;
    }

    private static String derivedId(String what, RecordDomain domain, String id) {
        return UUID.nameUUIDFromBytes(("hrm/audit/" + what + "/" + domain + "/" + id).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
