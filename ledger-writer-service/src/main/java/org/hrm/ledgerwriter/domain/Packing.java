package org.hrm.ledgerwriter.domain;

import java.util.List;

/** The outcome of packing: transactions to send and records that fit no transaction. */
public record Packing(List<PackedTransaction> transactions, List<Rejected> rejected) {
    public Packing {
        transactions = List.copyOf(transactions);
        rejected = List.copyOf(rejected);
    }
}
