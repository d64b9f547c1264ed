package org.hrm.keyvault.domain;

import java.time.Instant;

/** An owner's request to erase one record ({@code recordId}) or, with {@code recordId} null, all of theirs. */
public record ErasureRequest(
        String requestId, RecordDomain domain, String ownerId, String recordId, Instant requestedAt) {

    public boolean allRecords() {
        return recordId == null;
    }
}
