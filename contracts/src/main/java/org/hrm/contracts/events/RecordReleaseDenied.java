package org.hrm.contracts.events;

import java.time.Instant;
import org.hrm.contracts.Domain;

/** The vault released nothing for a request; the reason says why (denied, forged, expired, replayed, erased). */
public record RecordReleaseDenied(
        String requestId, String recordId, Domain domain, String requesterId, String reason, Instant deniedAt) {
    public RecordReleaseDenied {
        Require.recordId(requestId);
        Require.recordId(recordId);
        Require.present(domain, "domain");
        Require.text(requesterId, "requesterId");
        Require.text(reason, "reason");
        Require.present(deniedAt, "deniedAt");
    }
}
