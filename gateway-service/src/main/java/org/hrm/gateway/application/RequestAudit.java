package org.hrm.gateway.application;

import java.time.Instant;
import java.util.List;
import org.hrm.contracts.Domain;

/**
 * The gateway's audit of one request, FHIR AuditEvent-shaped: who asked ({@code agentId} in {@code agentRole}), the
 * action (FHIR's C, R, U, D or E), what it touched, and whose data it is.
 */
public record RequestAudit(
        String id,
        String action,
        Instant recorded,
        String description,
        String agentId,
        String agentRole,
        List<AuditedEntity> entities,
        Domain domain,
        String ownerId) {
    public RequestAudit {
        entities = List.copyOf(entities);
    }
}
