package org.hrm.contracts.events;

import java.time.Instant;
import java.util.List;
import org.hrm.contracts.Domain;

/** The ledger writer confirmed a tombstone on chain for every record of an erasure. */
public record ErasureCommitted(
        String requestId,
        Domain domain,
        String ownerId,
        String contractAddress,
        List<Tombstone> tombstones,
        Instant committedAt) {
    public ErasureCommitted {
        Require.recordId(requestId);
        Require.present(domain, "domain");
        Require.text(ownerId, "ownerId");
        Require.text(contractAddress, "contractAddress");
        tombstones = tombstones == null ? List.of() : List.copyOf(tombstones);
        Require.present(committedAt, "committedAt");
    }
}
