package org.hrm.ledgerwriter.domain;

/**
 * How a batch of whole records goes on chain ({@code hrm.ledger.layout}); records stored in chunks keep their
 * storeChunk layout either way (docs/large-records.md).
 */
public enum LedgerLayout {
    /**
     * {@code storeBatchInCalldata}: the payload travels only in the call's calldata; its RecordInCalldata log carries
     * the payload's keccak256 (computed on chain) and its position in the call, and readers fetch the transaction's
     * input. About 17 gas per payload byte for 1 KiB records (docs/performance.md).
     */
    CALLDATA,

    /**
     * {@code storeBatch}: the payload travels in calldata and again in its RecordStored log, so readers need the log
     * alone. About 27 gas per payload byte for 1 KiB records.
     */
    LOGGED
}
