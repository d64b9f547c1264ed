package org.hrm.gateway.application;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.hrm.contracts.Domain;
import org.hrm.contracts.events.AuditEvent;
import org.hrm.gateway.domain.Caller;

/**
 * The gateway's audit events: one per request that touches a record, FHIR AuditEvent-shaped like consent-service's,
 * on the gateway's own audit topic (each topic has one producer), signed with the gateway's attestation key so the
 * ledger writer anchors it and readers believe it.
 */
public final class GatewayAudit {
    private final GatewayCommands commands;
    private final AuditBook book;
    private final Attester attester;
    private final Clock clock;

    public GatewayAudit(GatewayCommands commands, AuditBook book, Attester attester, Clock clock) {
        this.commands = commands;
        this.book = book;
        this.attester = attester;
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
            List<AuditEvent.Entity> entities) {
        AuditEvent event = new AuditEvent(
                UUID.randomUUID().toString(),
                "rest",
                "gateway",
                action,
                clock.instant(),
                "0",
                description,
                List.of(new AuditEvent.Agent(caller.partyId(), roleOf(caller), true)),
                entities,
                null,
                false,
                domain,
                ownerId);
        event = attester.signAudit(event);
        commands.audit(event);
        // Seen at once by the owner's history; the topic reader skips it when it comes back (same id).
        book.add(event);
    }

    public static List<AuditEvent.Entity> records(List<String> recordIds) {
        return recordIds.stream().map(id -> new AuditEvent.Entity(id, "record")).toList();
    }

    private static String roleOf(Caller caller) {
        return caller.roles().stream()
                .map(role -> role.claim())
                .sorted()
                .findFirst()
                .orElse("unknown");
    }
}
