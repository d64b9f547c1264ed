package org.hrm.keyvault.domain;

import java.time.Instant;

/**
 * One record's K2 as stored: wrapped under its owner's KEK {@code kekId}, with the digest of what was sealed, the
 * provenance the vault hands to readers with every release, and the pseudonym key version the record's ledger entry
 * names its owner under (its tombstone must name the same). Both are null for records sealed before the vault kept
 * them: their releases carry no provenance, and their tombstones name the owner's newest pseudonym.
 *
 * @param provenance the sealed submission's provenance, or null for a record sealed before it was kept
 * @param pseudonymVersion the pseudonym key version of the record's ledger entry, or null for a record sealed before
 */
public record WrappedRecordKey(
        String recordId,
        String ownerId,
        String kekId,
        byte[] wrappedK2,
        byte[] submissionDigest,
        Instant createdAt,
        SealedProvenance provenance,
        Integer pseudonymVersion) {

    /** A key stored without provenance or pseudonym version (as records sealed before they were kept). */
    public WrappedRecordKey(
            String recordId,
            String ownerId,
            String kekId,
            byte[] wrappedK2,
            byte[] submissionDigest,
            Instant createdAt) {
        this(recordId, ownerId, kekId, wrappedK2, submissionDigest, createdAt, null, null);
    }
}
