package org.hrm.consent.domain;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The key vault destroyed the keys of an owner's records (one, or all the owner had in the domain): the listed
 * records can never be decrypted again, so they are never released again, to anyone.
 */
public record Erasure(
        String requestId,
        RecordDomain domain,
        String ownerId,
        boolean allRecords,
        List<String> recordIds,
        Instant destroyedAt) {
    /** Why a grant ends when every record it lists is erased. */
    public static final String GRANT_END_REASON = "records erased";

    public Erasure {
        recordIds = List.copyOf(new LinkedHashSet<>(recordIds));
    }

    /** What the index keeps of this erasure on each listed record. */
    public RecordEntry.Erased mark() {
        return new RecordEntry.Erased(requestId, destroyedAt);
    }

    /** The index entry of a listed record not indexed yet: only its owner is known, and it is erased already. */
    public RecordEntry entryBeforeIndexed(String recordId) {
        return new RecordEntry(recordId, domain, ownerId, null, null, mark());
    }

    /**
     * Whether {@code grant} ends: it still stands (neither revoked nor ended) and lists records, every one of them
     * erased. A grant listing some record that is not erased stays (decisions on the erased ones deny anyway); a
     * category grant stays for the owner's future records.
     */
    public static boolean ends(Grant grant, Set<String> erasedRecordIds) {
        return grant.scope().byRecordIds()
                && !grant.revoked()
                && !grant.ended()
                && erasedRecordIds.containsAll(grant.scope().recordIds());
    }
}
