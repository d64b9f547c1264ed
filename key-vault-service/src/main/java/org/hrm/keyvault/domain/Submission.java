package org.hrm.keyvault.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * A record the client encrypted (C1) and asks the vault to seal.
 *
 * @param category the submission's category (not signed), or null
 */
public record Submission(
        String recordId,
        RecordDomain domain,
        String ownerId,
        String authorId,
        byte[] innerCiphertext,
        List<ReaderShare> shares,
        byte[] authorSignature,
        String category) {

    public Submission {
        shares = List.copyOf(shares);
    }

    /** A submission without a category. */
    public Submission(
            String recordId,
            RecordDomain domain,
            String ownerId,
            String authorId,
            byte[] innerCiphertext,
            List<ReaderShare> shares,
            byte[] authorSignature) {
        this(recordId, domain, ownerId, authorId, innerCiphertext, shares, authorSignature, null);
    }

    /** What the vault keeps of this submission for its readers: everything but C1 and the ids it keys by. */
    public SealedProvenance provenance() {
        return new SealedProvenance(authorId, shares, authorSignature, category);
    }

    /**
     * SHA-256 over owner, author, C1, shares and signature, each length-prefixed: two submissions with the same
     * record id are the same record exactly when their digests are equal.
     */
    public byte[] digest() {
        MessageDigest sha256 = sha256();
        Bytes.update(sha256, "hrm/submission/v1");
        Bytes.update(sha256, ownerId);
        Bytes.update(sha256, authorId);
        Bytes.update(sha256, innerCiphertext);
        Bytes.update(sha256, Integer.toString(shares.size()));
        for (ReaderShare share : shares) {
            Bytes.update(sha256, share.readerId());
            Bytes.update(sha256, share.share());
        }
        Bytes.update(sha256, authorSignature);
        return sha256.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
