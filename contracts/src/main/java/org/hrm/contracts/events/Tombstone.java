package org.hrm.contracts.events;

/** The RecordErased log written for one erased record. */
public record Tombstone(String recordId, String transactionHash, long blockNumber, int logIndex) {
    public Tombstone {
        Require.recordId(recordId);
        Require.text(transactionHash, "tombstones[].transactionHash");
    }
}
