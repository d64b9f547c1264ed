package org.hrm.consent.domain;

import java.time.Instant;
import java.util.List;

/**
 * One audited action in the shape of a FHIR AuditEvent: type/subtype, action, outcome ("0" success, "4"
 * denied or rejected), agents, entities, purpose of use, emergency flag, domain and the patient it concerns.
 */
public record Audit(
        String id,
        String type,
        String subtype,
        String action,
        Instant recorded,
        String outcome,
        String outcomeDesc,
        List<Agent> agents,
        List<Entity> entities,
        String purposeOfEvent,
        boolean emergency,
        RecordDomain domain,
        String patientId) {

    public Audit {
        agents = List.copyOf(agents);
        entities = List.copyOf(entities);
    }

    /** A participant: its party id, role, and whether it initiated the action. */
    public record Agent(String who, String role, boolean requestor) {}

    /** An object acted on: a record, request or grant id, and which of those it is. */
    public record Entity(String what, String kind) {}
}
