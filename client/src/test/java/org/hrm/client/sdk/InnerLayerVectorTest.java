package org.hrm.client.sdk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hrm.client.sdk.TestParties.DOMAIN;
import static org.hrm.client.sdk.TestParties.OWNER_ID;
import static org.hrm.client.sdk.TestParties.RECORD_ID;
import static org.hrm.client.sdk.TestParties.hex;

import org.junit.jupiter.api.Test;

/**
 * Frozen vectors of the inner layer, envelope v1 (v2 differs only in the header: docs/wire-format/vectors).
 *
 * <p>Derived independently of this code by {@code src/test/resources/vectors/derive_vectors.py} (Python hmac/hashlib
 * HKDF and the {@code cryptography} package's AES-GCM, written from DESIGN.md). K1 was also checked with OpenSSL:
 * {@code openssl kdf -keylen 32 -kdfopt digest:SHA256 -kdfopt hexkey:<SHA-256(plaintext)> -kdfopt
 * hexsalt:000102..1f -kdfopt hexinfo:<hex("record-key" || recordId)> HKDF}.
 */
class InnerLayerVectorTest {
    static final byte[] PLAINTEXT = "Blood pressure 120/80 mmHg, pulse 64.".getBytes(UTF_8);
    static final String SALT = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    static final String NONCE = "a0a1a2a3a4a5a6a7a8a9aaab";
    static final String K1 = "fb91dce73662a983a782de4772b2619146ff964dc87417b8b4c9cf0110abaecd";
    static final String C1 = "01" + SALT + NONCE
            + "07d8b88218833cd0be1aa7fe607a8b7ce5b7792f2d5f6d8748bd8cf58eb24f16bc0cd0b406" // ciphertext (37 bytes)
            + "55058f3d5fdf01c2e95f5bc65da14ab0"; // GCM tag

    private final RecordIdentity identity = new RecordIdentity(RECORD_ID, DOMAIN, OWNER_ID);

    @Test
    void hkdfMatchesRfc5869TestCase1() {
        byte[] ikm = hex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
        byte[] salt = hex("000102030405060708090a0b0c");
        byte[] info = hex("f0f1f2f3f4f5f6f7f8f9");

        byte[] okm = InnerLayer.hkdfSha256(ikm, salt, info, 42);

        assertThat(hex(okm))
                .isEqualTo("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
    }

    @Test
    void derivesRecordKeyFromPlaintextSaltAndRecordId() {
        byte[] key = InnerLayer.recordKey(PLAINTEXT, hex(SALT), identity);

        assertThat(hex(key)).isEqualTo(K1);
    }

    @Test
    void sealsToTheFrozenEnvelope() {
        byte[] envelope = InnerLayer.seal(InnerEnvelope.V1, hex(K1), hex(SALT), hex(NONCE), PLAINTEXT, identity);

        assertThat(hex(envelope)).isEqualTo(C1);
    }

    @Test
    void opensTheFrozenEnvelopeAndPassesTheContentCheck() {
        InnerEnvelope envelope = InnerEnvelope.parse(hex(C1));

        byte[] plaintext = InnerLayer.open(hex(K1), envelope, identity);

        assertThat(plaintext).isEqualTo(PLAINTEXT);
        assertThat(InnerLayer.contentMatches(hex(K1), plaintext, envelope.salt(), identity))
                .isTrue();
    }

    @Test
    void encryptorDrawsSaltThenNonceFromItsRandomSource() {
        RecordEncryptor encryptor = new RecordEncryptor(new QueuedRandom(SALT, NONCE, "11".repeat(64)));

        EncryptedRecord record =
                encryptor.encryptV1(RECORD_ID, DOMAIN, OWNER_ID, TestParties.OWNER, PLAINTEXT, TestParties.ownerOnly());

        assertThat(hex(record.innerCiphertext())).isEqualTo(C1);
    }
}
