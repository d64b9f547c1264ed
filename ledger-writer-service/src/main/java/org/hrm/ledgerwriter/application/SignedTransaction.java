package org.hrm.ledgerwriter.application;

import java.util.List;

/**
 * A signed storeBatch transaction: kept in the ledger index before it is broadcast, so the very same
 * bytes (same nonce, so it can land at most once) can be rebroadcast after a crash.
 */
public record SignedTransaction(String hash, String rawHex, long nonce, String contract, List<String> recordIds) {
    public SignedTransaction {
        recordIds = List.copyOf(recordIds);
    }

    @Override
    public String toString() {
        return "SignedTransaction[" + hash + ", nonce " + nonce + ", " + recordIds.size() + " records]";
    }
}
