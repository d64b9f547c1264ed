package org.hrm.client.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hrm.client.sdk.TestParties.AUTHOR;
import static org.hrm.client.sdk.TestParties.DOMAIN;
import static org.hrm.client.sdk.TestParties.GRANTEE;
import static org.hrm.client.sdk.TestParties.OWNER;
import static org.hrm.client.sdk.TestParties.OWNER_ID;
import static org.hrm.client.sdk.TestParties.RECORD_ID;
import static org.hrm.client.sdk.TestParties.STRANGER;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hrm.contracts.events.ConsentGranted;
import org.hrm.contracts.events.ConsentRevoked;
import org.hrm.contracts.events.GrantScope;
import org.hrm.contracts.events.GrantShare;
import org.hrm.contracts.events.KeyShare;
import org.junit.jupiter.api.Test;

class ConsentSignerTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private final ConsentSigner signer = new ConsentSigner();
    private final RecordDecryptor decryptor = new RecordDecryptor();
    private final byte[] plaintext = "lab result: HbA1c 6.1 %".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private final EncryptedRecord record =
            new RecordEncryptor().encrypt(RECORD_ID, DOMAIN, OWNER_ID, AUTHOR, plaintext, TestParties.ownerOnly());

    @Test
    void grantRewrapsTheRecordKeySoTheGranteeCanRead() {
        ConsentGranted grant = grantToGrantee();

        GrantShare share = grant.shares().get(0);
        byte[] read = decryptor.decrypt(
                RECORD_ID,
                DOMAIN,
                OWNER_ID,
                record.innerCiphertext(),
                new KeyShare(GRANTEE.partyId(), share.share()),
                GRANTEE);

        assertThat(read).isEqualTo(plaintext);
    }

    @Test
    void grantSignatureVerifiesWithTheJdkP1363VerifierConsentServiceUses() throws Exception {
        ConsentGranted grant = grantToGrantee();

        assertThat(jdkVerify(OWNER.publicKey(), grant.signedBytes(), grant.ownerSignature()))
                .isTrue();
        assertThat(jdkVerify(STRANGER.publicKey(), grant.signedBytes(), grant.ownerSignature()))
                .isFalse();
    }

    @Test
    void changingAnyTermOfASignedGrantBreaksItsSignature() {
        ConsentGranted grant = grantToGrantee();

        ConsentGranted longer = new ConsentGranted(
                grant.grantId(),
                grant.domain(),
                grant.ownerId(),
                grant.granteeId(),
                grant.scope(),
                grant.purpose(),
                grant.validFrom(),
                grant.expiresAt().plusSeconds(1),
                grant.shares(),
                grant.grantedAt(),
                grant.ownerSignature());

        assertThat(ConsentSigner.verify(OWNER.publicKey(), grant.signedBytes(), grant.ownerSignature()))
                .isTrue();
        assertThat(ConsentSigner.verify(OWNER.publicKey(), longer.signedBytes(), longer.ownerSignature()))
                .isFalse();
    }

    @Test
    void aNonOwnerCannotRewrapTheOwnersShare() {
        ConsentSigner.GrantTerms terms = terms();
        List<ConsentSigner.CoveredRecord> covered =
                List.of(new ConsentSigner.CoveredRecord(RECORD_ID, record.shareOf(OWNER_ID)));

        assertThatThrownBy(() -> signer.grant(STRANGER, terms, GRANTEE.publicKey(), covered, NOW))
                .isInstanceOf(RecordCryptoException.class);
    }

    @Test
    void revocationIsSignedByTheOwner() throws Exception {
        ConsentRevoked revoked = signer.revoke(OWNER, UUID.randomUUID().toString(), DOMAIN, NOW);

        assertThat(jdkVerify(OWNER.publicKey(), revoked.signedBytes(), revoked.ownerSignature()))
                .isTrue();
        assertThat(Arrays.equals(
                        revoked.signedBytes(),
                        signer.revoke(OWNER, revoked.grantId(), DOMAIN, NOW.plusSeconds(1))
                                .signedBytes()))
                .isFalse();
    }

    private ConsentGranted grantToGrantee() {
        return signer.grant(
                OWNER,
                terms(),
                GRANTEE.publicKey(),
                List.of(new ConsentSigner.CoveredRecord(RECORD_ID, record.shareOf(OWNER_ID))),
                NOW);
    }

    private static ConsentSigner.GrantTerms terms() {
        return new ConsentSigner.GrantTerms(
                UUID.randomUUID().toString(),
                DOMAIN,
                GRANTEE.partyId(),
                GrantScope.records(List.of(RECORD_ID)),
                "TREAT",
                NOW,
                NOW.plusSeconds(3600));
    }

    private static boolean jdkVerify(byte[] publicKey, byte[] message, byte[] signature) throws Exception {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
        ECPoint point = new ECPoint(
                new BigInteger(1, Arrays.copyOfRange(publicKey, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(publicKey, 33, 65)));
        ECPublicKey key = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, spec));
        Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify(key);
        verifier.update(message);
        return verifier.verify(signature);
    }
}
