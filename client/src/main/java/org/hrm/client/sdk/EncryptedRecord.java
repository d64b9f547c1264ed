package org.hrm.client.sdk;

import java.time.Instant;
import java.util.List;
import org.hrm.contracts.Domain;
import org.hrm.contracts.events.KeyShare;
import org.hrm.contracts.events.RecordSubmitted;

/**
 * A record after the inner layer: C1, the key shares and the author's provenance signature, ready to submit.
 *
 * @param innerCiphertext C1, the inner envelope (version, salt, nonce, AES-256-GCM ciphertext and tag)
 * @param shares K1 wrapped to each reader: the owner first, then the author, then other readers by id
 * @param authorSignature ECDSA P-256 {@code r || s} over the record identity, SHA-256(C1) and the shares
 */
public record EncryptedRecord(
        String recordId,
        Domain domain,
        String ownerId,
        String authorId,
        byte[] innerCiphertext,
        List<KeyShare> shares,
        byte[] authorSignature) {

    public EncryptedRecord {
        shares = List.copyOf(shares);
    }

    /** The event that asks the platform to store this record. */
    public RecordSubmitted toSubmitted(Instant now) {
        return toSubmitted(now, null);
    }

    /** The same, with a category (e.g. a FHIR resource type) that category-scoped grants match. */
    public RecordSubmitted toSubmitted(Instant now, String category) {
        return new RecordSubmitted(
                recordId, domain, ownerId, authorId, innerCiphertext, shares, authorSignature, now, category);
    }

    /** The share of one reader. */
    public KeyShare shareOf(String readerId) {
        return shares.stream()
                .filter(share -> share.readerId().equals(readerId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no key share for reader " + readerId));
    }
}
