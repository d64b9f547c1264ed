package org.hrm.contracts.events;

import java.time.Instant;
import org.hrm.contracts.Domain;

/**
 * The vault removed its layer for an allowed request: C1 and the reader's key share, both read from
 * the chain. Safe in transit: only the share holder's private key opens the share.
 */
public record RecordReleased(
        String requestId,
        String recordId,
        Domain domain,
        String requesterId,
        byte[] innerCiphertext,
        KeyShare share,
        Instant releasedAt) {
    public RecordReleased {
        Require.recordId(requestId);
        Require.recordId(recordId);
        Require.present(domain, "domain");
        Require.text(requesterId, "requesterId");
        Require.bytes(innerCiphertext, "innerCiphertext");
        Require.present(share, "share");
        Require.present(releasedAt, "releasedAt");
    }
}
