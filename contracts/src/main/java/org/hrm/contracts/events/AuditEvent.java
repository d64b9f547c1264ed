package org.hrm.contracts.events;

import java.time.Instant;
import java.util.List;
import org.hrm.contracts.Domain;
import org.hrm.crypto.Canonical;
import org.hrm.crypto.Ecdsa;
import org.hrm.crypto.P256KeyPair;

/**
 * One audited action, shaped like a FHIR R4 AuditEvent: type/subtype, action, recorded, outcome
 * ("0" success, "4" minor failure: denied), agents (who asked, on whose behalf), entities (the record),
 * purpose of use, and whether it was an emergency (break-the-glass).
 *
 * <p>Who signs: its producer, over {@link #signedBytes()}: consent-service's decision key on {@code hrm.ops.audit},
 * a gateway attestation key on {@code hrm.ops.gateway-audit}. Who checks: the ledger writer before anchoring it and
 * the gateway before showing it in an access history (see {@code AuditAuthority}), so whoever may write an audit
 * topic cannot put a false entry, an emergency one included, in a patient's history, on chain or off.
 *
 * @param signature ECDSA P-256/SHA-256 by the producer over {@link #signedBytes()}, 64 bytes r||s
 */
public record AuditEvent(
        String id,
        String type,
        String subtype,
        String action,
        Instant recorded,
        String outcome,
        String outcomeDesc,
        List<Agent> agent,
        List<Entity> entity,
        String purposeOfEvent,
        boolean emergency,
        Domain domain,
        String patientId,
        byte[] signature) {
    public AuditEvent {
        Require.text(id, "id");
        Require.text(type, "type");
        Require.text(action, "action");
        Require.present(recorded, "recorded");
        Require.text(outcome, "outcome");
        agent = List.copyOf(Require.nonEmpty(agent, "agent"));
        entity = entity == null ? List.of() : List.copyOf(entity);
        Signatures.optional(signature, "signature");
    }

    /** The unsigned form a producer builds before {@link #signedBy(P256KeyPair)}; consumers refuse it unsigned. */
    public AuditEvent(
            String id,
            String type,
            String subtype,
            String action,
            Instant recorded,
            String outcome,
            String outcomeDesc,
            List<Agent> agent,
            List<Entity> entity,
            String purposeOfEvent,
            boolean emergency,
            Domain domain,
            String patientId) {
        this(
                id,
                type,
                subtype,
                action,
                recorded,
                outcome,
                outcomeDesc,
                agent,
                entity,
                purposeOfEvent,
                emergency,
                domain,
                patientId,
                null);
    }

    /**
     * What the producer signs: every field but the signature. An optional text is written as an empty field when
     * absent and prefixed with "=" when present, so an absent value and an empty one never sign alike.
     */
    public byte[] signedBytes() {
        Canonical canonical = Canonical.of("hrm/audit-event/v2")
                .text(id)
                .text(type)
                .text(present(subtype))
                .text(action)
                .text(recorded.toString())
                .text(outcome)
                .text(present(outcomeDesc))
                .count(agent.size());
        for (Agent each : agent) {
            canonical.text(present(each.who())).text(present(each.role())).text(Boolean.toString(each.requestor()));
        }
        canonical.count(entity.size());
        for (Entity each : entity) {
            canonical.text(present(each.what())).text(present(each.kind()));
        }
        return canonical
                .text(present(purposeOfEvent))
                .text(Boolean.toString(emergency))
                .text(domain == null ? "" : "=" + domain.name())
                .text(present(patientId))
                .toBytes();
    }

    /** This event signed by its producer's key. */
    public AuditEvent signedBy(P256KeyPair producerKey) {
        return withSignature(producerKey.sign(signedBytes()));
    }

    /** This event with a signature made elsewhere over {@link #signedBytes()} (a key held by a service's own type). */
    public AuditEvent withSignature(byte[] producerSignature) {
        return new AuditEvent(
                id,
                type,
                subtype,
                action,
                recorded,
                outcome,
                outcomeDesc,
                agent,
                entity,
                purposeOfEvent,
                emergency,
                domain,
                patientId,
                producerSignature);
    }

    /** Whether the signature is present and made by {@code producerPublicKey}. */
    public boolean signedBy(byte[] producerPublicKey) {
        return signature != null && Ecdsa.verify(producerPublicKey, signedBytes(), signature);
    }

    private static String present(String value) {
        return value == null ? "" : "=" + value;
    }

    /** A participant: its party id, role, and whether it initiated the action. */
    public record Agent(String who, String role, boolean requestor) {}

    /** An object acted on: the record id, and the grant or request that concerns it. */
    public record Entity(String what, String kind) {}
}
