package org.hrm.ledgerwriter.domain;

/**
 * A tombstone: one RecordErased log under the record id and the owner pseudonym its RecordStored or RecordInCalldata log
 * carries. A record is erased once, so its id keys the erasure index.
 *
 * @param recordId the record id in the chain's form (a lower-case UUID), so receipts match it
 */
public record RecordTombstone(String recordId, byte[] ownerPseudonym) {
    public RecordTombstone {
        if (recordId == null || !recordId.equals(RecordIds.canonical(recordId))) {
            // Receipts give ids back in lower case: another spelling would never match its log.
            throw new IllegalArgumentException("recordId must be a lower-case UUID");
        }
        if (ownerPseudonym == null || ownerPseudonym.length != LedgerRecord.PSEUDONYM_LENGTH) {
            throw new IllegalArgumentException("ownerPseudonym must be 32 bytes");
        }
        ownerPseudonym = ownerPseudonym.clone();
    }

    @Override
    public byte[] ownerPseudonym() {
        return ownerPseudonym.clone();
    }

    @Override
    public String toString() {
        return "RecordTombstone[" + recordId + "]";
    }
}
