package org.hrm.contracts.events;

import java.time.Instant;
import java.util.List;
import org.hrm.contracts.Domain;

/**
 * The vault destroyed (and confirmed the destruction of) the keys of one erasure request: the
 * listed records can never be decrypted again, whatever copies of C2 exist.
 */
public record KeysDestroyed(
        String requestId,
        Domain domain,
        String ownerId,
        boolean allRecords,
        List<ErasedRecord> records,
        List<DestroyedKey> keys,
        Instant destroyedAt) {
    public KeysDestroyed {
        Require.recordId(requestId);
        Require.present(domain, "domain");
        Require.text(ownerId, "ownerId");
        records = records == null ? List.of() : List.copyOf(records);
        keys = keys == null ? List.of() : List.copyOf(keys);
        Require.present(destroyedAt, "destroyedAt");
    }
}
