package org.hrm.gateway.application;

import java.time.Instant;
import org.hrm.contracts.Domain;

/** Where and when the ledger writer committed a record on chain: the contract, the transaction and its log. */
public record RecordCommit(
        String recordId,
        Domain domain,
        String contractAddress,
        String transactionHash,
        long blockNumber,
        int logIndex,
        Instant committedAt) {}
