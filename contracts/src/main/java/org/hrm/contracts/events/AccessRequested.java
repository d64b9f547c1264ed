package org.hrm.contracts.events;

import java.time.Instant;
import org.hrm.contracts.Domain;

/**
 * A party asks to read one record.
 *
 * @param emergencyReason set only for break-the-glass access by a practitioner; null otherwise
 */
public record AccessRequested(
        String requestId,
        String recordId,
        Domain domain,
        String requesterId,
        String purpose,
        String emergencyReason,
        Instant requestedAt) {
    public AccessRequested {
        Require.recordId(requestId);
        Require.recordId(recordId);
        Require.present(domain, "domain");
        Require.text(requesterId, "requesterId");
        Require.text(purpose, "purpose");
        Require.present(requestedAt, "requestedAt");
    }

    public boolean emergency() {
        return emergencyReason != null && !emergencyReason.isBlank();
    }
}
