package org.hrm.client.sdk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hrm.client.sdk.TestParties.AUTHOR;
import static org.hrm.client.sdk.TestParties.DOMAIN;
import static org.hrm.client.sdk.TestParties.OWNER;
import static org.hrm.client.sdk.TestParties.OWNER_ID;
import static org.hrm.client.sdk.TestParties.RECORD_ID;

import java.security.SecureRandom;
import java.util.Arrays;
import org.assertj.core.api.AbstractThrowableAssert;
import org.hrm.contracts.Domain;
import org.hrm.contracts.events.KeyShare;
import org.junit.jupiter.api.Test;

class RecordTamperTest {
    private static final byte[] PLAINTEXT = "Allergy: penicillin".getBytes(UTF_8);
    private static final String AUTHENTICATION_FAILED =
            "inner ciphertext failed authentication (tampered or wrong record identity)";

    private final EncryptedRecord record =
            new RecordEncryptor().encrypt(RECORD_ID, DOMAIN, OWNER_ID, AUTHOR, PLAINTEXT, TestParties.ownerOnly());
    private final KeyShare ownerShare = record.shareOf(OWNER_ID);

    @Test
    void flippedCiphertextBitFailsAuthentication() {
        byte[] c1 = flip(record.innerCiphertext(), InnerEnvelope.headerBytes(InnerEnvelope.V2) + 3);

        assertDecrypting(RECORD_ID, DOMAIN, OWNER_ID, c1, ownerShare).hasMessage(AUTHENTICATION_FAILED);
    }

    @Test
    void flippedTagBitFailsAuthentication() {
        byte[] c1 = flip(record.innerCiphertext(), record.innerCiphertext().length - 1);

        assertDecrypting(RECORD_ID, DOMAIN, OWNER_ID, c1, ownerShare).hasMessage(AUTHENTICATION_FAILED);
    }

    @Test
    void flippedNonceBitFailsAuthentication() {
        byte[] c1 = flip(record.innerCiphertext(), 1);

        assertDecrypting(RECORD_ID, DOMAIN, OWNER_ID, c1, ownerShare).hasMessage(AUTHENTICATION_FAILED);
    }

    @Test
    void flippedSaltBitOfAV1EnvelopeFailsTheContentCheck() {
        EncryptedRecord v1 = new RecordEncryptor()
                .encryptV1(RECORD_ID, DOMAIN, OWNER_ID, AUTHOR, PLAINTEXT, TestParties.ownerOnly());
        byte[] c1 = flip(v1.innerCiphertext(), 1);

        assertDecrypting(RECORD_ID, DOMAIN, OWNER_ID, c1, v1.shareOf(OWNER_ID)).hasMessage("content check failed");
    }

    @Test
    void anotherSaltInAV2ShareFailsTheContentCheck() {
        RecordIdentity identity = new RecordIdentity(RECORD_ID, DOMAIN, OWNER_ID);
        byte[] payload = KeyShares.unwrap(ownerShare.share(), identity, OWNER);
        payload[InnerLayer.KEY_BYTES] ^= 1;
        KeyShare share = new KeyShare(
                OWNER_ID, KeyShares.wrap(payload, identity, OWNER_ID, OWNER.publicKey(), new SecureRandom()));

        assertDecrypting(RECORD_ID, DOMAIN, OWNER_ID, record.innerCiphertext(), share)
                .hasMessage("content check failed");
    }

    @Test
    void aV1ShareDoesNotOpenAV2Envelope() {
        RecordIdentity identity = new RecordIdentity(RECORD_ID, DOMAIN, OWNER_ID);
        byte[] payload = KeyShares.unwrap(ownerShare.share(), identity, OWNER);
        byte[] k1Only = Arrays.copyOf(payload, InnerLayer.KEY_BYTES);
        KeyShare share = new KeyShare(
                OWNER_ID, KeyShares.wrap(k1Only, identity, OWNER_ID, OWNER.publicKey(), new SecureRandom()));

        assertDecrypting(RECORD_ID, DOMAIN, OWNER_ID, record.innerCiphertext(), share)
                .hasMessage("key share version does not match the envelope version");
    }

    @Test
    void otherRecordIdDoesNotOpenTheShare() {
        String otherRecordId = TestParties.otherRecordId();

        assertDecrypting(otherRecordId, DOMAIN, OWNER_ID, record.innerCiphertext(), ownerShare)
                .hasMessage("key share does not open with this reader's key");
    }

    @Test
    void ciphertextMovedUnderAnotherRecordIdFailsAuthentication() {
        RecordIdentity other = new RecordIdentity(TestParties.otherRecordId(), DOMAIN, OWNER_ID);
        byte[] key = KeyShares.unwrap(ownerShare.share(), new RecordIdentity(RECORD_ID, DOMAIN, OWNER_ID), OWNER);
        KeyShare rewrapped =
                new KeyShare(OWNER_ID, KeyShares.wrap(key, other, OWNER_ID, OWNER.publicKey(), new SecureRandom()));

        assertDecrypting(other.recordId(), DOMAIN, OWNER_ID, record.innerCiphertext(), rewrapped)
                .hasMessage(AUTHENTICATION_FAILED);
    }

    @Test
    void otherDomainFailsAuthentication() {
        assertDecrypting(RECORD_ID, Domain.PRACTITIONER, OWNER_ID, record.innerCiphertext(), ownerShare)
                .hasMessage(AUTHENTICATION_FAILED);
    }

    @Test
    void otherOwnerFailsAuthentication() {
        assertDecrypting(RECORD_ID, DOMAIN, "patient-0002", record.innerCiphertext(), ownerShare)
                .hasMessage(AUTHENTICATION_FAILED);
    }

    @Test
    void flippedBitInTheShareEncapsulationDoesNotOpen() {
        KeyShare share = new KeyShare(OWNER_ID, flip(ownerShare.share(), 10));

        assertDecrypting(RECORD_ID, DOMAIN, OWNER_ID, record.innerCiphertext(), share)
                .hasMessage("key share does not open with this reader's key");
    }

    @Test
    void flippedBitInTheShareCiphertextDoesNotOpen() {
        KeyShare share = new KeyShare(OWNER_ID, flip(ownerShare.share(), org.hrm.crypto.Hpke.ENC_BYTES + 5));

        assertDecrypting(RECORD_ID, DOMAIN, OWNER_ID, record.innerCiphertext(), share)
                .hasMessage("key share does not open with this reader's key");
    }

    @Test
    void truncatedShareDoesNotOpen() {
        KeyShare share = new KeyShare(OWNER_ID, Arrays.copyOf(ownerShare.share(), KeyShares.V2_SHARE_BYTES - 1));

        assertDecrypting(RECORD_ID, DOMAIN, OWNER_ID, record.innerCiphertext(), share)
                .hasMessage("key share does not open with this reader's key");
    }

    @Test
    void truncatedEnvelopeIsRejected() {
        byte[] c1 = Arrays.copyOf(
                record.innerCiphertext(), InnerEnvelope.headerBytes(InnerEnvelope.V2) + InnerEnvelope.TAG_BYTES - 1);

        assertDecrypting(RECORD_ID, DOMAIN, OWNER_ID, c1, ownerShare).hasMessage("envelope truncated");
    }

    @Test
    void emptyEnvelopeIsRejected() {
        assertDecrypting(RECORD_ID, DOMAIN, OWNER_ID, new byte[0], ownerShare).hasMessage("envelope truncated");
    }

    @Test
    void unknownVersionIsRejected() {
        byte[] c1 = record.innerCiphertext().clone();
        c1[0] = 0x03;

        assertDecrypting(RECORD_ID, DOMAIN, OWNER_ID, c1, ownerShare).hasMessage("unsupported envelope version 3");
    }

    @Test
    void keyNotDerivedFromThePlaintextFailsTheContentCheck() {
        RecordIdentity identity = new RecordIdentity(RECORD_ID, DOMAIN, OWNER_ID);
        byte[] unrelatedKey = new byte[InnerLayer.KEY_BYTES];
        new SecureRandom().nextBytes(unrelatedKey);
        byte[] c1 = InnerLayer.seal(InnerEnvelope.V2, unrelatedKey, null, new byte[12], PLAINTEXT, identity);
        byte[] payload = Arrays.copyOf(unrelatedKey, KeyShares.V2_PAYLOAD_BYTES);
        byte[] share = KeyShares.wrap(payload, identity, OWNER_ID, OWNER.publicKey(), new SecureRandom());

        assertDecrypting(RECORD_ID, DOMAIN, OWNER_ID, c1, new KeyShare(OWNER_ID, share))
                .hasMessage("content check failed");
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertDecrypting(
            String recordId, Domain domain, String ownerId, byte[] c1, KeyShare share) {
        return assertThatThrownBy(() -> new RecordDecryptor().decrypt(recordId, domain, ownerId, c1, share, OWNER))
                .isInstanceOf(RecordCryptoException.class);
    }

    private static byte[] flip(byte[] bytes, int index) {
        byte[] copy = bytes.clone();
        copy[index] ^= 0x01;
        return copy;
    }
}
