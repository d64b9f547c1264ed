package org.hrm.keyvault.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.Stream;
import org.hrm.contracts.Domain;
import org.hrm.contracts.events.AccessBasis;
import org.hrm.contracts.events.AccessDecided;
import org.hrm.keyvault.TestConsent;
import org.hrm.keyvault.TestRequester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConsentKeyTest {
    private static final TestConsent CONSENT = TestConsent.generate();
    private static final AccessDecided DECISION = CONSENT.allow(
            Domain.PATIENT,
            UUID.randomUUID().toString(),
            AccessBasis.GRANT,
            "doctor-1",
            UUID.randomUUID().toString());

    private final ConsentKey key = ConsentKey.fromSec1(CONSENT.publicKeySec1());

    @Test
    void verifiesADecisionSignedByConsentService() {
        assertThat(key.verifies(DECISION.signedBytes(), DECISION.signature())).isTrue();
    }

    @ParameterizedTest
    @MethodSource("everyFieldChanged")
    void refusesTheSignatureOnceAnySignedFieldIsChanged(AccessDecided changed) {
        assertThat(key.verifies(changed.signedBytes(), changed.signature())).isFalse();
    }

    @Test
    void refusesADecisionSignedWithAnotherKey() {
        AccessDecided forged = TestConsent.generate().resign(DECISION);

        assertThat(key.verifies(forged.signedBytes(), forged.signature())).isFalse();
    }

    @Test
    void refusesATruncatedOrPaddedSignature() {
        byte[] signature = DECISION.signature();

        assertThat(key.verifies(DECISION.signedBytes(), Arrays.copyOf(signature, 63)))
                .isFalse();
        assertThat(key.verifies(DECISION.signedBytes(), Arrays.copyOf(signature, 32)))
                .isFalse();
        assertThat(key.verifies(DECISION.signedBytes(), Arrays.copyOf(signature, 65)))
                .isFalse();
        assertThat(key.verifies(DECISION.signedBytes(), new byte[0])).isFalse();
        assertThat(key.verifies(DECISION.signedBytes(), null)).isFalse();
    }

    @Test
    void refusesAnAlteredSignatureAndAnAllZeroOne() {
        byte[] altered = DECISION.signature().clone();
        altered[10] ^= 1;

        assertThat(key.verifies(DECISION.signedBytes(), altered)).isFalse();
        assertThat(key.verifies(DECISION.signedBytes(), new byte[64])).isFalse();
    }

    @Test
    void refusesADerEncodedSignatureEvenByConsentsOwnKey() {
        byte[] der = CONSENT.sign("SHA256withECDSA", DECISION.signedBytes());

        assertThat(key.verifies(DECISION.signedBytes(), der)).isFalse();
    }

    @Test
    void readsThePublishedKeyFromBase64() {
        ConsentKey parsed = ConsentKey.fromBase64(CONSENT.publicKeyBase64());

        assertThat(parsed.verifies(DECISION.signedBytes(), DECISION.signature()))
                .isTrue();
    }

    @Test
    void refusesAKeyThatIsNotAnUncompressedPointOnP256() {
        byte[] point = CONSENT.publicKeySec1();
        byte[] offCurve = point.clone();
        offCurve[64] ^= 1;
        byte[] compressed = Arrays.copyOf(point, 33);
        compressed[0] = 0x02;

        assertThatThrownBy(() -> ConsentKey.fromSec1(offCurve)).hasMessage("public key is not a point on P-256");
        assertThatThrownBy(() -> ConsentKey.fromSec1(compressed)).hasMessageContaining("got 33 bytes");
        assertThatThrownBy(() -> ConsentKey.fromBase64("not base64!"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("consent public key:");
        assertThatThrownBy(() -> ConsentKey.fromBase64(Base64.getEncoder().encodeToString(new byte[65])))
                .hasMessageContaining("65-byte uncompressed SEC1 point");
    }

    /** One variant per signed field, each keeping the original signature. */
    static Stream<AccessDecided> everyFieldChanged() {
        AccessDecided d = DECISION;
        String other = UUID.randomUUID().toString();
        return Stream.of(
                copy(d, other, d.recordId(), d.domain(), d.requesterId(), d.allowed(), d.basis(), d.shareHolderId()),
                copy(d, d.requestId(), other, d.domain(), d.requesterId(), d.allowed(), d.basis(), d.shareHolderId()),
                copy(d, d.requestId(), d.recordId(), Domain.PRACTITIONER, d.requesterId(), true, d.basis(), "doctor-1"),
                copy(d, d.requestId(), d.recordId(), d.domain(), "doctor-2", d.allowed(), d.basis(), d.shareHolderId()),
                copy(d, d.requestId(), d.recordId(), d.domain(), d.requesterId(), false, d.basis(), d.shareHolderId()),
                copy(d, d.requestId(), d.recordId(), d.domain(), d.requesterId(), true, AccessBasis.OWNER, "doctor-1"),
                copy(d, d.requestId(), d.recordId(), d.domain(), d.requesterId(), true, d.basis(), "doctor-2"),
                new AccessDecided(
                        d.requestId(),
                        d.recordId(),
                        d.domain(),
                        d.requesterId(),
                        d.allowed(),
                        d.basis(),
                        d.shareHolderId(),
                        other,
                        d.requesterPublicKey(),
                        d.reason(),
                        d.decidedAt(),
                        d.expiresAt(),
                        d.signature()),
                new AccessDecided(
                        d.requestId(),
                        d.recordId(),
                        d.domain(),
                        d.requesterId(),
                        d.allowed(),
                        d.basis(),
                        d.shareHolderId(),
                        d.grantId(),
                        d.requesterPublicKey(),
                        "another reason",
                        d.decidedAt(),
                        d.expiresAt(),
                        d.signature()),
                new AccessDecided(
                        d.requestId(),
                        d.recordId(),
                        d.domain(),
                        d.requesterId(),
                        d.allowed(),
                        d.basis(),
                        d.shareHolderId(),
                        d.grantId(),
                        d.requesterPublicKey(),
                        d.reason(),
                        d.decidedAt().minusSeconds(1),
                        d.expiresAt(),
                        d.signature()),
                new AccessDecided(
                        d.requestId(),
                        d.recordId(),
                        d.domain(),
                        d.requesterId(),
                        d.allowed(),
                        d.basis(),
                        d.shareHolderId(),
                        d.grantId(),
                        d.requesterPublicKey(),
                        d.reason(),
                        d.decidedAt(),
                        d.expiresAt().plus(Duration.ofDays(1)),
                        d.signature()),
                new AccessDecided(
                        d.requestId(),
                        d.recordId(),
                        d.domain(),
                        d.requesterId(),
                        d.allowed(),
                        d.basis(),
                        d.shareHolderId(),
                        d.grantId(),
                        TestRequester.generate().publicKey(),
                        d.reason(),
                        d.decidedAt(),
                        d.expiresAt(),
                        d.signature()));
    }

    private static AccessDecided copy(
            AccessDecided d,
            String requestId,
            String recordId,
            Domain domain,
            String requesterId,
            boolean allowed,
            AccessBasis basis,
            String shareHolderId) {
        return new AccessDecided(
                requestId,
                recordId,
                domain,
                requesterId,
                allowed,
                basis,
                shareHolderId,
                d.grantId(),
                d.requesterPublicKey(),
                d.reason(),
                d.decidedAt(),
                d.expiresAt(),
                d.signature());
    }
}
