package org.hrm.contracts.events;

import java.time.Instant;
import java.util.List;
import org.hrm.contracts.Domain;

/**
 * A client encrypted a record (the inner layer) and asks the platform to store it.
 *
 * @param innerCiphertext C1: the SDK's inner envelope (version, salt, nonce, AES-GCM ciphertext)
 * @param shares K1 wrapped to each reader (at least the owner and the author)
 * @param authorSignature ECDSA P-256 over recordId, domain, ownerId, SHA-256(C1) and the shares
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
}
