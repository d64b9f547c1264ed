package org.hrm.gateway.adapter.kafka;

import java.util.List;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.events.AuditEvent;
import org.hrm.gateway.application.Attester;
import org.hrm.gateway.application.AuditEntry;
import org.hrm.gateway.application.AuditEvents;
import org.hrm.gateway.application.RequestAudit;

/**
 * The audit topics' events as the gateway's audit book keeps them, an {@link AuditEntry} with the event's bytes as
 * read; and the gateway's own audit of a request as the {@link AuditEvent} it writes, signed with its attestation key.
 */
public final class AuditMapping implements AuditEvents {
    private final EventCodec codec = new EventCodec();
    private final Attester attester;

    public AuditMapping(Attester attester) {
        this.attester = attester;
    }

    /** {@code event} as read, {@code bytes} being its encoding on the topic. */
    public static AuditEntry entry(AuditEvent event, byte[] bytes) {
        return new AuditEntry(event.id(), event.patientId(), bytes);
    }

    @Override
    public AuditEntry signed(RequestAudit audit) {
        AuditEvent event = attester.signAudit(
                new AuditEvent(
                        audit.id(),
                        "rest",
                        "gateway",
                        audit.action(),
                        audit.recorded(),
                        "0",
                        audit.description(),
                        List.of(new AuditEvent.Agent(audit.agentId(), audit.agentRole(), true)),
                        audit.entities().stream()
                                .map(entity -> new AuditEvent.Entity(entity.what(), entity.kind()))
                                .toList(),
                        null,
                        false,
                        audit.domain(),
                        audit.ownerId()),
                AuditEvent::signedBy);
        return entry(event, codec.encode(event));
    }
}
