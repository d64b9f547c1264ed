package org.hrm.gateway.application;

import java.time.Instant;
import java.util.List;
import org.hrm.contracts.Domain;
import org.hrm.contracts.events.ErasureReceipt;
import org.hrm.contracts.events.Tombstone;

/** One erasure request as far as the topics tell it: requested, keys destroyed, tombstones committed, receipt. */
public record ErasureView(
        String requestId,
        Domain domain,
        String ownerId,
        String recordId,
        Instant requestedAt,
        String stage,
        List<String> recordIds,
        Instant destroyedAt,
        List<Tombstone> tombstones,
        ErasureReceipt receipt) {

    public static final String REQUESTED = "requested";
    public static final String KEYS_DESTROYED = "keys-destroyed";
    public static final String COMMITTED = "committed";

    ErasureView destroyed(List<String> erasedRecords, Instant at) {
        String next = COMMITTED.equals(stage) ? stage : KEYS_DESTROYED;
        return new ErasureView(
                requestId, domain, ownerId, recordId, requestedAt, next, erasedRecords, at, tombstones, receipt);
    }

    ErasureView committed(List<Tombstone> committedTombstones) {
        return new ErasureView(
                requestId,
                domain,
                ownerId,
                recordId,
                requestedAt,
                COMMITTED,
                recordIds,
                destroyedAt,
                committedTombstones,
                receipt);
    }

    ErasureView receipt(ErasureReceipt signed) {
        return new ErasureView(
                requestId, domain, ownerId, recordId, requestedAt, stage, recordIds, destroyedAt, tombstones, signed);
    }
}
