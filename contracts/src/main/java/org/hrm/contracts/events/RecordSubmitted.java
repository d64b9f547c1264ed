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
 */
public record RecordSubmitted(
        String recordId,
        Domain domain,
        String ownerId,
        String authorId,
        byte[] innerCiphertext,
        List<KeyShare> shares,
        byte[] authorSignature,
        Instant submittedAt) {

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
}
