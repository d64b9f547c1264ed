package org.hrm.gateway.application;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.hrm.contracts.Domain;
import org.hrm.gateway.domain.Caller;

/**
 * The gateway's audit events: one per request that touches a record, FHIR AuditEvent-shaped like consent-service's,
 * on the gateway's own audit topic (each topic has one producer), signed with the gateway's attestation key so the
 * ledger writer anchors it and readers believe it.
 */
public final class GatewayAudit {
    private final GatewayCommands commands;
    private final AuditBook book;
    private final AuditEvents events;
    private final Clock clock;

    public GatewayAudit(GatewayCommands commands, AuditBook book, AuditEvents events, Clock clock) {
        this.commands = commands;
        this.book = book;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Audits one request: {@code action} is FHIR's C, R, U, D or E; {@code entities} are record ids (or one request
     * id, with kind "request").
     */
    public void record(
            Caller caller,
            String action,
            String description,
            Domain domain,
            String ownerId,
            List<AuditedEntity> entities) {
        AuditEntry entry = events.signed(new RequestAudit(
                UUID.randomUUID().toString(),
                action,
                clock.instant(),
                description,
                caller.partyId(),
                roleOf(caller),
                entities,
                domain,
                ownerId));
        commands.audit(entry);
        // Seen at once by the owner's history; the topic reader skips it when it comes back (same id).
        book.add(entry);
    }

    public static List<AuditedEntity> records(List<String> recordIds) {
        return recordIds.stream().map(id -> new AuditedEntity(id, "record")).toList();
    }

    private static String roleOf(Caller caller) {
        return caller.roles().stream()
                .map(role -> role.claim())
                .sorted()
                .findFirst()
                .orElse("unknown");
    }
}
