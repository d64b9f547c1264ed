package org.hrm.ledgerwriter.application;

import java.util.List;

/**
 * A signed ledger transaction (storeBatch, grantBatch, revokeBatch or eraseBatch): kept in the index
 * before it is broadcast, so the very same bytes (same nonce, so it can land at most once) can be
 * rebroadcast after a crash.
 *
 * @param entryIds the index entries it writes: record ids (stored or erased), or consent entry ids
 */
public record SignedTransaction(String hash, String rawHex, long nonce, String contract, List<String> entryIds) {
    public SignedTransaction {
        entryIds = List.copyOf(entryIds);
    }

    @Override
    public String toString() {
        return "SignedTransaction[" + hash + ", nonce " + nonce + ", " + entryIds.size() + " entries]";
    }
}
