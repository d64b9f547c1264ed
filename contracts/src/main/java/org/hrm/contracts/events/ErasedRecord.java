package org.hrm.contracts.events;

/** A record whose keys are gone, with the owner pseudonym its ledger entry carries (for the tombstone). */
public record ErasedRecord(String recordId, byte[] ownerPseudonym) {
    public ErasedRecord {
        Require.recordId(recordId);
        Require.bytes(ownerPseudonym, "records[].ownerPseudonym", 32);
    }
}
