package org.hrm.contracts.events;

import java.time.Instant;
import java.util.List;
import org.hrm.contracts.Domain;
import org.hrm.contracts.ProvenanceBytes;

/**
 * A client encrypted a record (the inner layer) and asks the platform to store it.
 *
 * @param innerCiphertext C1: the SDK's inner envelope (v2: 0x02, nonce, AES-GCM ciphertext and tag; v1 also carried
 *     the salt)
 * @param shares key shares, one per reader (at least the owner and the author): v2 seals K1 || salt, v1 sealed K1
 * @param authorSignature ECDSA P-256 {@code r || s} by the author over {@link #signedBytes()}
 * @param category what kind of record it is (e.g. a FHIR resource type), for category-scoped grants; may be null
 */
public record RecordSubmitted(
        String recordId,
        Domain domain,
        String ownerId,
        String authorId,
        byte[] innerCiphertext,
        List<KeyShare> shares,
        byte[] authorSignature,
        Instant submittedAt,
        String category) {

    public RecordSubmitted {
        Require.recordId(recordId);
        Require.present(domain, "domain");
        Require.text(ownerId, "ownerId");
        Require.text(authorId, "authorId");
        Require.bytes(innerCiphertext, "innerCiphertext");
        shares = List.copyOf(Require.nonEmpty(shares, "shares"));
        Require.bytes(authorSignature, "authorSignature");
        Require.present(submittedAt, "submittedAt");
    }

    /** A submission without a category (schema v1 before categories were added). */
    public RecordSubmitted(
            String recordId,
            Domain domain,
            String ownerId,
            String authorId,
            byte[] innerCiphertext,
            List<KeyShare> shares,
            byte[] authorSignature,
            Instant submittedAt) {
        this(recordId, domain, ownerId, authorId, innerCiphertext, shares, authorSignature, submittedAt, null);
    }

    /**
     * The provenance bytes the author signed: recordId, domain, ownerId, authorId (v2), SHA-256(C1) and the shares,
     * in the form C1's envelope version names ({@link ProvenanceBytes}).
     *
     * @throws IllegalArgumentException if C1 names an unknown envelope version
     */
    public byte[] signedBytes() {
        return ProvenanceBytes.of(recordId, domain, ownerId, authorId, innerCiphertext, shares);
    }

    /** C1's envelope version (its first byte): 1 or 2 for the versions this code knows. */
    public int envelopeVersion() {
        return ProvenanceBytes.envelopeVersion(innerCiphertext);
    }
}
