package org.hrm.ledgerwriter.domain;

import java.time.Instant;
import java.util.List;

/** A mined transaction: whether it succeeded, its block and the logs it emitted that write index entries. */
public record ChainReceipt(String transactionHash, boolean succeeded, long blockNumber, List<StoredLog> logs) {
    public ChainReceipt {
        logs = List.copyOf(logs);
    }

    /** One commit per such log that {@code contractAddress} emitted in this transaction. */
    public List<Commit> commits(String contractAddress, Instant committedAt) {
        return logs.stream()
                .filter(log -> log.contractAddress().equalsIgnoreCase(contractAddress))
                .map(log -> new Commit(
                        log.entryId(), contractAddress, transactionHash, blockNumber, log.logIndex(), committedAt))
                .toList();
    }
}
