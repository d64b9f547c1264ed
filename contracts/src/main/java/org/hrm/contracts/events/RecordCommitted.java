package org.hrm.contracts.events;

import java.time.Instant;
import org.hrm.contracts.Domain;

/**
 * The record's log (RecordStored, or RecordInCalldata whose transaction's input holds the payload) is in a confirmed
 * block of the domain's ledger contract; for a record too large for one transaction, every one of its
 * RecordChunkStored logs is, and the position given is its last chunk's.
 */
public record RecordCommitted(
        String recordId,
        Domain domain,
        String contractAddress,
        String transactionHash,
        long blockNumber,
        int logIndex,
        Instant committedAt) {

    public RecordCommitted {
        Require.recordId(recordId);
        Require.present(domain, "domain");
        Require.text(contractAddress, "contractAddress");
        Require.text(transactionHash, "transactionHash");
        Require.present(committedAt, "committedAt");
    }
}
