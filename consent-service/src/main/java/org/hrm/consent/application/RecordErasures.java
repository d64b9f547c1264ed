package org.hrm.consent.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.hrm.consent.domain.Audits;
import org.hrm.consent.domain.Erasure;

/**
 * Use case: apply the vault's KeysDestroyed. Each listed record is marked erased in its domain's index (a record
 * not indexed yet is entered erased, so its late RecordSubmitted cannot revive it), then the owner's grants that
 * list only erased records end. From then on every request for those records is denied "record erased".
 *
 * <p>Idempotent without transactions: every write is a single-document conditional write, so a replay, or a retry
 * after a crash between writes, finds the work done and finishes what is left; the audit event keeps its id.
 */
public final class RecordErasures {
    private final RecordIndex records;
    private final GrantStore grants;
    private final OwnerGrants ownerGrants;
    private final Clock clock;

    public RecordErasures(PartyStore parties, RecordIndex records, GrantStore grants, Clock clock) {
        this.records = records;
        this.grants = grants;
        this.ownerGrants = new OwnerGrants(parties, records, grants);
        this.clock = clock;
    }

    public ErasureOutcome erase(Erasure erasure) {
        Instant now = clock.instant();
        erasure.recordIds().forEach(recordId -> records.markErased(erasure.entryBeforeIndexed(recordId)));
        ownerGrants.endOverErasedRecords(
                erasure.domain(), grants.findByOwners(erasure.domain(), List.of(erasure.ownerId())), now);
        return new ErasureOutcome(
                Audits.erasure(erasure, now), ownerGrants.standing(erasure.domain(), erasure.ownerId(), now));
    }
}
