package org.hrm.keyvault.domain;

import java.time.Instant;
import java.util.List;

/**
 * The parts of an erasure receipt added once the tombstones are on chain, kept with the erasure so a repeated
 * commit gets the very same receipt (ECDSA signatures are randomised; signing again would give other bytes).
 */
public record IssuedReceipt(
        String contractAddress, List<LedgerTombstone> tombstones, Instant issuedAt, byte[] signature) {
    public IssuedReceipt {
        tombstones = List.copyOf(tombstones);
    }
}
