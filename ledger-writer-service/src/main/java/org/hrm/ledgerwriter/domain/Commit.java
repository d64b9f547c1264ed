package org.hrm.ledgerwriter.domain;

import java.time.Instant;

/** Where a record landed: its RecordStored log in a confirmed transaction of the domain's contract. */
public record Commit(
        String recordId,
        String contractAddress,
        String transactionHash,
        long blockNumber,
        int logIndex,
        Instant committedAt) {}
