package org.hrm.client.sdk;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.hrm.contracts.Domain;
import org.hrm.contracts.events.KeyShare;
import org.hrm.contracts.events.RecordSubmitted;
import org.hrm.crypto.P256;

/**
 * Opens a record on a reader's client: unwraps K1 from the reader's share, decrypts C1, checks the content, and
 * verifies the author's provenance signature.
 *
 * <p>Thread-safe and stateless. Failures caused by the record's bytes are {@link RecordCryptoException}s.
 */
public final class RecordDecryptor {

    /**
     * Decrypts C1 with the reader's key share and checks that K1 recomputed from the plaintext matches.
     *
     * @return the plaintext, owned by the caller
     * @throws RecordCryptoException if the envelope is malformed, the share does not open with this reader's key, the
     *     ciphertext or its record identity was changed, or the content check fails
     */
    public byte[] decrypt(
            String recordId, Domain domain, String ownerId, byte[] innerCiphertext, KeyShare share, PartyKeys reader) {
        RecordIdentity identity = new RecordIdentity(recordId, domain, ownerId);
        InnerEnvelope envelope = InnerEnvelope.parse(innerCiphertext);
        if (!share.readerId().equals(reader.partyId())) {
            throw new RecordCryptoException(RecordCryptoException.SHARE_FOR_OTHER_READER);
        }
        byte[] key = KeyShares.unwrap(share.share(), identity, reader);
        try {
            byte[] plaintext = InnerLayer.open(key, envelope, identity);
            if (!InnerLayer.contentMatches(key, plaintext, envelope.salt(), identity)) {
                Arrays.fill(plaintext, (byte) 0);
                throw new RecordCryptoException(RecordCryptoException.CONTENT_CHECK_FAILED);
            }
            return plaintext;
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** Whether a share opens with this reader's key: how a client finds its own share among a record's shares. */
    public boolean opens(String recordId, Domain domain, String ownerId, byte[] share, PartyKeys reader) {
        try {
            byte[] key = KeyShares.unwrap(share, new RecordIdentity(recordId, domain, ownerId), reader);
            Arrays.fill(key, (byte) 0);
            return true;
        } catch (RecordCryptoException e) {
            return false;
        }
    }

    /**
     * Verifies that the author signed this record identity, C1 and exactly these shares in this order.
     *
     * @param authorPublicKey the author's key from the party directory (uncompressed SEC1, 65 bytes)
     * @throws RecordCryptoException if the signature does not verify
     * @throws IllegalArgumentException if the author's public key is not a P-256 point
     */
    public void verifyProvenance(
            String recordId,
            Domain domain,
            String ownerId,
            byte[] innerCiphertext,
            List<KeyShare> shares,
            byte[] authorSignature,
            byte[] authorPublicKey) {
        RecordIdentity identity = new RecordIdentity(recordId, domain, ownerId);
        byte[] signed = Provenance.signedBytes(
                identity, Objects.requireNonNull(innerCiphertext, "innerCiphertext"), List.copyOf(shares));
        if (!Provenance.verify(P256.requirePublicKey(authorPublicKey), signed, authorSignature)) {
            throw new RecordCryptoException(RecordCryptoException.PROVENANCE_INVALID);
        }
    }

    /** Verifies the provenance of a submitted record; see the long form. */
    public void verifyProvenance(RecordSubmitted record, byte[] authorPublicKey) {
        verifyProvenance(
                record.recordId(),
                record.domain(),
                record.ownerId(),
                record.innerCiphertext(),
                record.shares(),
                record.authorSignature(),
                authorPublicKey);
    }

    /** Verifies the provenance of an encrypted record; see the long form. */
    public void verifyProvenance(EncryptedRecord record, byte[] authorPublicKey) {
        verifyProvenance(
                record.recordId(),
                record.domain(),
                record.ownerId(),
                record.innerCiphertext(),
                record.shares(),
                record.authorSignature(),
                authorPublicKey);
    }
}
