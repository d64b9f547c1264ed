package org.hrm.ledgerwriter.domain;

import java.util.List;

/** The tombstones of one {@code eraseBatch} transaction, in order, and its gas limit. */
public record TombstoneTransaction(List<RecordTombstone> tombstones, long gasLimit) {
    public TombstoneTransaction {
        tombstones = List.copyOf(tombstones);
        if (tombstones.isEmpty()) {
            throw new IllegalArgumentException("a transaction carries at least one tombstone");
        }
    }

    /** The erasure index entries it writes: the record ids, in call order. */
    public List<String> recordIds() {
        return tombstones.stream().map(RecordTombstone::recordId).toList();
    }
}
