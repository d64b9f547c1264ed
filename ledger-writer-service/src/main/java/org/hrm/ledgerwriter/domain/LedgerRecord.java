package org.hrm.ledgerwriter.domain;

import java.util.Objects;

/**
 * One record as it goes on chain: its id, the owner's 32-byte pseudonym and the log payload.
 *
 * @param payload the encoded ledger payload (C2, key shares, author signature)
 */
public record LedgerRecord(String recordId, byte[] ownerPseudonym, byte[] payload) {
    public static final int PSEUDONYM_LENGTH = 32;

    public LedgerRecord {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(payload, "payload");
        if (ownerPseudonym == null || ownerPseudonym.length != PSEUDONYM_LENGTH) {
            throw new IllegalArgumentException("ownerPseudonym must be 32 bytes");
        }
    }

    public int payloadSize() {
        return payload.length;
    }

    @Override
    public String toString() {
        return "LedgerRecord[" + recordId + ", " + payload.length + " payload bytes]";
    }
}
