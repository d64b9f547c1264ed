package org.hrm.contracts.audit;

import java.util.List;
import org.hrm.contracts.events.AuditEvent;
import org.hrm.crypto.Canonical;

/**
 * The bytes an audit event is anchored by: where it came from, the patient, its per-patient sequence number and every
 * field of the event, as canonical bytes (length-prefixed, so no two different events encode alike).
 *
 * <p>An absent optional field is an empty field and a present one starts with "=", so {@code null} and the text
 * "null" (or "") never encode alike. The instant is epoch seconds and nanoseconds, so no formatting choice changes it.
 */
public final class AuditLeaf {
    static final String LABEL = "hrm.audit-leaf.v1";

    private AuditLeaf() {}

    /** The leaf hash (RFC 6962: SHA-256 of 0x00 and the bytes) of one anchored audit event. */
    public static byte[] hash(String source, long sequence, AuditEvent event) {
        return MerkleTree.leafHash(bytes(source, sequence, event));
    }

    /** The canonical bytes of the leaf. */
    public static byte[] bytes(String source, long sequence, AuditEvent event) {
        Canonical canonical = Canonical.of(LABEL)
                .text(source)
                .text(optional(event.patientId()))
                .text(Long.toString(sequence))
                .text(event.id())
                .text(event.type())
                .text(optional(event.subtype()))
                .text(event.action())
                .text(event.recorded().getEpochSecond() + "." + event.recorded().getNano())
                .text(event.outcome())
                .text(optional(event.outcomeDesc()))
                .text(Integer.toString(event.agent().size()));
        for (AuditEvent.Agent agent : event.agent()) {
            canonical
                    .text(optional(agent.who()))
                    .text(optional(agent.role()))
                    .text(Boolean.toString(agent.requestor()));
        }
        List<AuditEvent.Entity> entities = event.entity();
        canonical.text(Integer.toString(entities.size()));
        for (AuditEvent.Entity entity : entities) {
            canonical.text(optional(entity.what())).text(optional(entity.kind()));
        }
        return canonical
                .text(optional(event.purposeOfEvent()))
                .text(Boolean.toString(event.emergency()))
                .text(event.domain() == null ? "" : "=" + event.domain().id())
                .toBytes();
    }

    private static String optional(String value) {
        return value == null ? "" : "=" + value;
    }
}
