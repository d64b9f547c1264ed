package org.hrm.keyvault.domain;

import java.time.Instant;
import java.util.List;

/** The ledger writer's word that an erasure's tombstones are on chain: what a receipt is issued for. */
public record ErasureCommit(
        String requestId,
        RecordDomain domain,
        String ownerId,
        String contractAddress,
        List<LedgerTombstone> tombstones,
        Instant committedAt) {
    public ErasureCommit {
        tombstones = List.copyOf(tombstones);
    }
}
