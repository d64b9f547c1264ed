package org.hrm.consent.domain;

import java.time.Instant;

/** A party asks to read one record of one domain; {@code emergencyReason} is set only for break-the-glass. */
public record AccessRequest(
        String requestId,
        String recordId,
        RecordDomain domain,
        String requesterId,
        String purpose,
        String emergencyReason,
        Instant requestedAt) {

    public boolean emergency() {
        return emergencyReason != null && !emergencyReason.isBlank();
    }

    /** Whether {@code decision} was made for this request (a request id reused for another request is not). */
    public boolean matches(Decision decision) {
        return decision.recordId().equals(recordId)
                && decision.requesterId().equals(requesterId)
                && decision.domain() == domain;
    }
}
