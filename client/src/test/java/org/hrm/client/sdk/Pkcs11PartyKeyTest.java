package org.hrm.client.sdk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hrm.client.sdk.TestParties.DOMAIN;
import static org.hrm.client.sdk.TestParties.OWNER;
import static org.hrm.client.sdk.TestParties.OWNER_ID;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECPrivateKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.hrm.contracts.events.RecordReleased;
import org.hrm.contracts.events.RecordSubmitted;
import org.hrm.crypto.Ecdsa;
import org.hrm.crypto.Hpke;
import org.hrm.crypto.HpkeOpenException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A hospital whose key is in a PKCS#11 token (SoftHSM2): it signs and opens everything a key-file party does, the
 * private key never leaves the token, and a key the token would hand out is refused.
 */
class Pkcs11PartyKeyTest {
    private static final BigInteger HALF_N =
            new BigInteger("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", 16).shiftRight(1);
    private static Pkcs11PartyKey hospital;

    @BeforeAll
    static void generateTheHospitalKeyInTheToken() {
        hospital = SoftHsmParties.generate(
                "hospital-hsm-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @AfterAll
    static void logOut() {
        if (hospital != null) {
            hospital.close();
        }
    }

    @Test
    void signsInTheTokenLowSSignaturesThatVerifyUnderItsPublicKey() {
        for (int i = 0; i < 20; i++) {
            byte[] message = ("provenance " + i).getBytes(UTF_8);

            byte[] signature = hospital.sign(message);

            assertThat(signature).hasSize(Ecdsa.SIGNATURE_BYTES);
            assertThat(Ecdsa.verify(hospital.publicKey(), message, signature)).isTrue();
            assertThat(new BigInteger(1, Arrays.copyOfRange(signature, 32, 64))).isLessThanOrEqualTo(HALF_N);
            assertThat(Ecdsa.verify(hospital.publicKey(), "another message".getBytes(UTF_8), signature))
                    .isFalse();
        }
    }

    @Test
    void theTokenKeyIsSensitiveAndNotExtractable() throws Exception {
        KeyStore keyStore =
                KeyStore.getInstance("PKCS11", SoftHsmParties.token().provider());
        keyStore.load(null, SoftHsmParties.token().pin());

        PrivateKey key = (PrivateKey) keyStore.getKey(hospital.partyId(), null);

        assertThat(hospital.describeKey()).contains("token object", "sensitive", "unextractable");
        assertThat(key.getEncoded()).isNull();
        assertThat(key).isNotInstanceOf(ECPrivateKey.class);
        assertThatThrownBy(() ->
                        KeyFactory.getInstance("EC", keyStore.getProvider()).getKeySpec(key, ECPrivateKeySpec.class))
                .isInstanceOf(Exception.class);
    }

    @Test
    void opensWhatIsSealedToItAndNothingAltered() {
        byte[] info = "hrm/share/v2 test".getBytes(UTF_8);
        byte[] aad = hospital.partyId().getBytes(UTF_8);
        byte[] payload = new byte[64];
        new SecureRandom().nextBytes(payload);
        byte[] sealed = Hpke.seal(hospital.publicKey(), info, aad, payload, new SecureRandom());
        byte[] altered = sealed.clone();
        altered[70] ^= 1;

        assertThat(hospital.open(info, aad, sealed)).isEqualTo(payload);
        assertThatThrownBy(() -> hospital.open(info, aad, altered)).isInstanceOf(HpkeOpenException.class);
        assertThatThrownBy(() -> hospital.open(info, "someone-else".getBytes(UTF_8), sealed))
                .isInstanceOf(HpkeOpenException.class);
    }

    @Test
    void authorsARecordItsOwnerOpensAndReadsItBackFromTheVaultsRelease() {
        byte[] plaintext = "{\"resourceType\":\"Observation\",\"status\":\"final\"}".getBytes(UTF_8);
        String recordId = UUID.randomUUID().toString();
        EncryptedRecord record = new RecordEncryptor()
                .encrypt(recordId, DOMAIN, OWNER_ID, hospital, plaintext, Map.of(OWNER_ID, OWNER.publicKey()));
        RecordSubmitted submission = record.toSubmitted(Instant.now(), "Observation");
        RecordDecryptor decryptor = new RecordDecryptor();

        byte[] byOwner = decryptor.decrypt(
                recordId, DOMAIN, OWNER_ID, record.innerCiphertext(), record.shareOf(OWNER_ID), OWNER);
        byte[] byHospital = decryptor.open(
                releaseToHospital(record, submission), submission, hospital, hospital, hospital.publicKey());

        assertThat(byOwner).isEqualTo(plaintext);
        assertThat(byHospital).isEqualTo(plaintext);
        decryptor.verifyProvenance(record, hospital.publicKey());
        assertThatThrownBy(() -> decryptor.verifyProvenance(record, OWNER.publicKey()))
                .isInstanceOf(RecordCryptoException.class);
    }

    @Test
    void signsRevocationsThatVerifyAsItsOwn() {
        var revoked = new ConsentSigner()
                .revoke(hospital, UUID.randomUUID().toString(), DOMAIN, Instant.parse("2026-12-05T09:00:00Z"));

        assertThat(ConsentSigner.verify(hospital.publicKey(), revoked.signedBytes(), revoked.ownerSignature()))
                .isTrue();
    }

    @Test
    void refusesAKeyTheTokenWouldHandOutAndAnUnknownLabel() {
        Pkcs11Token token = SoftHsmParties.token();
        String readable = "readable-" + UUID.randomUUID().toString().substring(0, 8);
        SoftHsmParties.generateWith(
                token.configuration()
                        .replace("CKA_SENSITIVE = true", "CKA_SENSITIVE = false")
                        .replace("CKA_EXTRACTABLE = false", "CKA_EXTRACTABLE = true"),
                readable);

        assertThatThrownBy(() -> Pkcs11PartyKey.open("hospital-x", token, readable))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not CKA_SENSITIVE");
        assertThatThrownBy(() -> Pkcs11PartyKey.open("hospital-x", token, "no-such-key"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no private key with a certificate labelled no-such-key");
    }

    private static RecordReleased releaseToHospital(EncryptedRecord record, RecordSubmitted submission) {
        String requestId = UUID.randomUUID().toString();
        byte[] sealed = Hpke.seal(
                hospital.publicKey(),
                RecordReleased.sealInfo(requestId),
                RecordReleased.sealAad(hospital.partyId(), record.recordId()),
                record.innerCiphertext(),
                new SecureRandom());
        return new RecordReleased(
                requestId,
                record.recordId(),
                DOMAIN,
                hospital.partyId(),
                sealed,
                record.shareOf(hospital.partyId()),
                Instant.now(),
                submission.ownerId(),
                submission.authorId(),
                submission.shares(),
                submission.authorSignature(),
                null);
    }
}
