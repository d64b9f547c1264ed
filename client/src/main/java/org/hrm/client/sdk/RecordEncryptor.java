package org.hrm.client.sdk;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hrm.contracts.Domain;
import org.hrm.contracts.ProvenanceBytes;
import org.hrm.contracts.RecordLimits;
import org.hrm.contracts.events.KeyShare;

/**
 * Creates a record on the author's client: the inner layer (C1, envelope v2), a key share per reader carrying K1 and
 * the salt, and the provenance v2 signature (docs/wire-format.md).
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
            PartyKeyHolder author,
            byte[] plaintext,
            Map<String, byte[]> readerPublicKeys) {
        return encrypt(InnerEnvelope.V2, recordId, domain, ownerId, author, plaintext, readerPublicKeys);
    }

    /**
     * The same as envelope v1 (the salt in C1, shares of K1 alone, provenance v1), as records were written before
     * protocol v2: only for compatibility tests and the demo's "written before the upgrade" record. Never for new
     * records: v1 puts the salt next to the ciphertext.
     */
    public EncryptedRecord encryptV1(
            String recordId,
            Domain domain,
            String ownerId,
            PartyKeyHolder author,
            byte[] plaintext,
            Map<String, byte[]> readerPublicKeys) {
        return encrypt(InnerEnvelope.V1, recordId, domain, ownerId, author, plaintext, readerPublicKeys);
    }

    private EncryptedRecord encrypt(
            byte version,
            String recordId,
            Domain domain,
            String ownerId,
            PartyKeyHolder author,
            byte[] plaintext,
            Map<String, byte[]> readerPublicKeys) {
        RecordIdentity identity = new RecordIdentity(recordId, domain, ownerId);
        Objects.requireNonNull(plaintext, "plaintext");
        RecordLimits.plaintextRefusal(plaintext.length).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        Map<String, byte[]> readers = ReaderKeys.ordered(ownerId, author, Objects.requireNonNull(readerPublicKeys));
        byte[] salt = randomBytes(InnerEnvelope.SALT_BYTES);
        byte[] nonce = randomBytes(InnerEnvelope.NONCE_BYTES);
        byte[] key = InnerLayer.recordKey(plaintext, salt, identity);
        byte[] payload = version == InnerEnvelope.V1 ? key.clone() : concat(key, salt);
        try {
            byte[] innerCiphertext = InnerLayer.seal(version, key, salt, nonce, plaintext, identity);
            List<KeyShare> shares = wrapToEach(payload, identity, readers);
            byte[] signed = ProvenanceBytes.of(recordId, domain, ownerId, author.partyId(), innerCiphertext, shares);
            byte[] signature = Provenance.sign(author, signed);
            return new EncryptedRecord(recordId, domain, ownerId, author.partyId(), innerCiphertext, shares, signature);
        } finally {
            Arrays.fill(key, (byte) 0);
            Arrays.fill(payload, (byte) 0);
            Arrays.fill(salt, (byte) 0);
        }
    }

    private static byte[] concat(byte[] key, byte[] salt) {
        byte[] out = Arrays.copyOf(key, key.length + salt.length);
        System.arraycopy(salt, 0, out, key.length, salt.length);
        return out;
    }

    private List<KeyShare> wrapToEach(byte[] payload, RecordIdentity identity, Map<String, byte[]> readers) {
        List<KeyShare> shares = new ArrayList<>(readers.size());
        readers.forEach((readerId, publicKey) ->
                shares.add(new KeyShare(readerId, KeyShares.wrap(payload, identity, readerId, publicKey, random))));
        return shares;
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
