package org.hrm.ledgerwriter.domain;

import java.util.List;

/** The outcome of packing consent entries: transactions to send and entries that fit no transaction. */
public record ConsentPacking(List<ConsentTransaction> transactions, List<Rejected> rejected) {
    public ConsentPacking {
        transactions = List.copyOf(transactions);
        rejected = List.copyOf(rejected);
    }
}
