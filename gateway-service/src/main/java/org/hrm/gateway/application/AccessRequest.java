package org.hrm.gateway.application;

import java.time.Instant;
import org.hrm.contracts.Domain;

/**
 * An access request a caller makes through the gateway, before it is attested and sent.
 *
 * @param emergencyReason why a break-glass request is urgent; null for an ordinary one
 */
public record AccessRequest(
        String requestId,
        String recordId,
        Domain domain,
        String requesterId,
        String purpose,
        String emergencyReason,
        Instant requestedAt) {}
