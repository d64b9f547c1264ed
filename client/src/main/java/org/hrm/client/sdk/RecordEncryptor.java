package org.hrm.client.sdk;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hrm.contracts.Domain;
import org.hrm.contracts.events.KeyShare;

/**
 * Creates a record on the author's client: the inner layer (C1), a key share per reader and the provenance signature.
 *
 * <p>Thread-safe. Randomness is drawn in a fixed order, so a fixed source gives reproducible records: the salt (32
 * bytes), the nonce (12 bytes), then 32 bytes per share (in share order) for the HPKE ephemeral key.
 */
public final class RecordEncryptor {
    private final SecureRandom random;

    public RecordEncryptor() {
        this(new SecureRandom());
    }

    public RecordEncryptor(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Encrypts a record for its owner, its author and any other readers.
     *
     * @param readerPublicKeys uncompressed SEC1 P-256 public keys by party id; must contain the owner, the author's
     *     own key is added if absent
     * @throws IllegalArgumentException if an id is malformed (the record id must be a UUID) or a key is missing or
     *     invalid
     */
    public EncryptedRecord encrypt(
            String recordId,
            Domain domain,
            String ownerId,
            PartyKeys author,
            byte[] plaintext,
            Map<String, byte[]> readerPublicKeys) {
        RecordIdentity identity = new RecordIdentity(recordId, domain, ownerId);
        Objects.requireNonNull(plaintext, "plaintext");
        Map<String, byte[]> readers = ReaderKeys.ordered(ownerId, author, Objects.requireNonNull(readerPublicKeys));
        byte[] salt = randomBytes(InnerEnvelope.SALT_BYTES);
        byte[] nonce = randomBytes(InnerEnvelope.NONCE_BYTES);
        byte[] key = InnerLayer.recordKey(plaintext, salt, identity);
        try {
            byte[] innerCiphertext = InnerLayer.seal(key, salt, nonce, plaintext, identity);
            List<KeyShare> shares = wrapToEach(key, identity, readers);
            byte[] signature = Provenance.sign(author, Provenance.signedBytes(identity, innerCiphertext, shares));
            return new EncryptedRecord(recordId, domain, ownerId, author.partyId(), innerCiphertext, shares, signature);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private KeyShare wrap(byte[] key, RecordIdentity identity, String readerId, byte[] readerPublicKey) {
        return new KeyShare(readerId, KeyShares.wrap(key, identity, readerId, readerPublicKey, random));
    }

    private List<KeyShare> wrapToEach(byte[] key, RecordIdentity identity, Map<String, byte[]> readers) {
        List<KeyShare> shares = new ArrayList<>(readers.size());
        readers.forEach((readerId, publicKey) -> shares.add(wrap(key, identity, readerId, publicKey)));
        return shares;
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
