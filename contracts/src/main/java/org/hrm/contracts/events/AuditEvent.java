package org.hrm.contracts.events;

import java.time.Instant;
import java.util.List;
import org.hrm.contracts.Domain;

/**
 * One audited action, shaped like a FHIR R4 AuditEvent: type/subtype, action, recorded, outcome
 * ("0" success, "4" minor failure: denied), agents (who asked, on whose behalf), entities (the record),
 * purpose of use, and whether it was an emergency (break-the-glass).
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
        String patientId) {
    public AuditEvent {
        Require.text(id, "id");
        Require.text(type, "type");
        Require.text(action, "action");
        Require.present(recorded, "recorded");
        Require.text(outcome, "outcome");
        agent = List.copyOf(Require.nonEmpty(agent, "agent"));
        entity = entity == null ? List.of() : List.copyOf(entity);
    }

    /** A participant: its party id, role, and whether it initiated the action. */
    public record Agent(String who, String role, boolean requestor) {}

    /** An object acted on: the record id, and the grant or request that concerns it. */
    public record Entity(String what, String kind) {}
}
