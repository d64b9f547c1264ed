package org.hrm.contracts.events;

import java.time.Instant;
import org.hrm.contracts.Domain;

/**
 * An owner asked to erase one record, or (recordId null) every record they own in the domain.
 * Published by the gateway after it authenticated the owner (the CLI stands in for it until then).
 */
public record ErasureRequested(String requestId, Domain domain, String ownerId, String recordId, Instant requestedAt) {
    public ErasureRequested {
        Require.recordId(requestId);
        Require.present(domain, "domain");
        Require.text(ownerId, "ownerId");
        if (recordId != null) {
            Require.recordId(recordId);
        }
        Require.present(requestedAt, "requestedAt");
    }

    /** Whether every record of the owner in this domain is to be erased (the owner's KEK is destroyed). */
    public boolean allRecords() {
        return recordId == null;
    }
}
