package org.hrm.keyvault;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.hrm.contracts.Domain;
import org.hrm.contracts.events.AccessBasis;
import org.hrm.contracts.events.AccessDecided;
import org.hrm.keyvault.application.VaultDomains;
import org.hrm.keyvault.domain.DecisionBasis;
import org.hrm.keyvault.domain.ReleaseDecision;

/**
 * Plays consent-service in tests: a P-256 key pair made with the JDK, and AccessDecided events signed with
 * {@code SHA256withECDSAinP1363Format} over {@link AccessDecided#signedBytes()}.
 */
public final class TestConsent {
    public static final Duration LIFETIME = Duration.ofMinutes(2);
    /** The key every allowed test decision names as the requester's: released C1s are sealed to it. */
    public static final TestRequester REQUESTER = TestRequester.generate();

    private final KeyPair keys;

    private TestConsent(KeyPair keys) {
        this.keys = keys;
    }

    public static TestConsent generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return new TestConsent(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key as published: the 65-byte uncompressed SEC1 point. */
    public byte[] publicKeySec1() {
        ECPublicKey key = (ECPublicKey) keys.getPublic();
        byte[] point = new byte[65];
        point[0] = 0x04;
        copyUnsigned(key.getW().getAffineX(), point, 1);
        copyUnsigned(key.getW().getAffineY(), point, 33);
        return point;
    }

    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKeySec1());
    }

    public byte[] sign(byte[] message) {
        return sign("SHA256withECDSAinP1363Format", message);
    }

    /** Signs with another JCA algorithm name, e.g. {@code SHA256withECDSA} for a DER-encoded signature. */
    public byte[] sign(String algorithm, byte[] message) {
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(keys.getPrivate());
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An allowed decision with a fresh request id, valid for {@link #LIFETIME}; the share holder asks. */
    public AccessDecided allow(
            Domain domain, String recordId, AccessBasis basis, String shareHolderId, String grantId) {
        Instant now = Instant.now();
        return decided(
                UUID.randomUUID().toString(),
                recordId,
                domain,
                shareHolderId,
                true,
                basis,
                shareHolderId,
                grantId,
                "allowed as " + basis,
                now,
                now.plus(LIFETIME));
    }

    /** A denial by consent-service with its reason. */
    public AccessDecided deny(Domain domain, String recordId, String requesterId, String reason) {
        Instant now = Instant.now();
        return decided(
                UUID.randomUUID().toString(),
                recordId,
                domain,
                requesterId,
                false,
                AccessBasis.NONE,
                null,
                null,
                reason,
                now,
                now.plus(LIFETIME));
    }

    /** The same decision signed again: ECDSA is randomised, so the signature bytes differ. */
    public AccessDecided resign(AccessDecided decision) {
        return withSignature(decision, sign(decision.signedBytes()));
    }

    /** A copy of {@code decision} that expired {@code ago}, signed by this key. */
    public AccessDecided expired(AccessDecided decision, Duration ago) {
        Instant expiresAt = Instant.now().minus(ago);
        return decided(
                decision.requestId(),
                decision.recordId(),
                decision.domain(),
                decision.requesterId(),
                decision.allowed(),
                decision.basis(),
                decision.shareHolderId(),
                decision.grantId(),
                decision.reason(),
                expiresAt.minus(LIFETIME),
                expiresAt);
    }

    public AccessDecided decided(
            String requestId,
            String recordId,
            Domain domain,
            String requesterId,
            boolean allowed,
            AccessBasis basis,
            String shareHolderId,
            String grantId,
            String reason,
            Instant decidedAt,
            Instant expiresAt) {
        byte[] signature = sign(AccessDecided.signedBytes(
                requestId,
                recordId,
                domain,
                requesterId,
                allowed,
                basis,
                shareHolderId,
                grantId,
                allowed ? REQUESTER.publicKey() : null,
                reason,
                decidedAt,
                expiresAt));
        return new AccessDecided(
                requestId,
                recordId,
                domain,
                requesterId,
                allowed,
                basis,
                shareHolderId,
                grantId,
                allowed ? REQUESTER.publicKey() : null,
                reason,
                decidedAt,
                expiresAt,
                signature);
    }

    public static AccessDecided withSignature(AccessDecided d, byte[] signature) {
        return new AccessDecided(
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
                d.expiresAt(),
                signature);
    }

    /** The decision as the vault's use case sees it (what the Kafka adapter maps it to). */
    public static ReleaseDecision asReleaseDecision(AccessDecided d) {
        return new ReleaseDecision(
                d.requestId(),
                d.recordId(),
                VaultDomains.of(d.domain()),
                d.requesterId(),
                d.allowed(),
                DecisionBasis.valueOf(d.basis().name()),
                d.shareHolderId(),
                d.grantId(),
                d.requesterPublicKey(),
                d.reason(),
                d.decidedAt(),
                d.expiresAt(),
                d.signedBytes(),
                d.signature());
    }

    private static void copyUnsigned(BigInteger value, byte[] into, int offset) {
        byte[] bytes = value.toByteArray();
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, into, offset + 32 - length, length);
    }
}
