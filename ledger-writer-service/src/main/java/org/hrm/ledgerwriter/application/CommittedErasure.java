package org.hrm.ledgerwriter.application;

import java.time.Instant;
import java.util.List;
import org.hrm.ledgerwriter.domain.Commit;

/**
 * An erasure whose every record has a confirmed tombstone: what ErasureCommitted says.
 *
 * @param contract the domain's ledger contract
 * @param tombstones one per erased record, in request order: written for this request or an earlier one
 * @param committedAt when the erasure became complete: the later of the keys' destruction and the last
 *     tombstone's confirmation
 */
public record CommittedErasure(ErasureRequest request, String contract, List<Commit> tombstones, Instant committedAt) {
    public CommittedErasure {
        tombstones = List.copyOf(tombstones);
    }

    /** Derived from the request and the index only, never the clock: a redelivery re-emits the very same event. */
    static CommittedErasure of(ErasureRequest request, String contract, List<Commit> tombstones) {
        Instant committedAt = request.destroyedAt();
        for (Commit tombstone : tombstones) {
            if (tombstone.committedAt().isAfter(committedAt)) {
                committedAt = tombstone.committedAt();
            }
        }
        return new CommittedErasure(request, contract, tombstones, committedAt);
    }
}
