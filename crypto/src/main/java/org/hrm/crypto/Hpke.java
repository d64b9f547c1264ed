package org.hrm.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContextWithEncapsulation;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/**
 * HPKE (RFC 9180) single-shot base mode with DHKEM(P-256, HKDF-SHA256), HKDF-SHA256 and AES-256-GCM (suite ids
 * 0x0010, 0x0001, 0x0002). Sealed data is {@code enc (65 bytes, the ephemeral SEC1 point) || ct (plaintext length +
 * 16-byte tag)}.
 *
 * <p>The ephemeral key is DeriveKeyPair over 32 bytes drawn from the injected randomness, as RFC 9180's test vectors
 * do, so a fixed random source gives reproducible bytes (the frozen vectors rely on it). A new {@link HPKE} per call:
 * its KEM keeps per-operation state and is not safe to share between threads.
 */
public final class Hpke {
    public static final int ENC_BYTES = P256.PUBLIC_KEY_BYTES;
    public static final int TAG_BYTES = 16;
    private static final int IKM_BYTES = 32;

    private Hpke() {}

    /**
     * Seals {@code plaintext} to {@code recipientPublicKey} (65-byte SEC1, validated: {@link IllegalArgumentException}
     * if not a P-256 point), bound to {@code info} and {@code aad}.
     */
    public static byte[] seal(
            byte[] recipientPublicKey, byte[] info, byte[] aad, byte[] plaintext, SecureRandom random) {
        ECPublicKeyParameters recipient = P256.publicParameters(recipientPublicKey);
        HPKE hpke = suite();
        byte[] ikm = new byte[IKM_BYTES];
        random.nextBytes(ikm);
        AsymmetricCipherKeyPair ephemeral = hpke.deriveKeyPair(ikm);
        Arrays.fill(ikm, (byte) 0);
        HPKEContextWithEncapsulation context = hpke.setupBaseS(recipient, info, ephemeral);
        try {
            byte[] ct = context.seal(aad, plaintext);
            byte[] sealed = Arrays.copyOf(context.getEncapsulation(), ENC_BYTES + ct.length);
            System.arraycopy(ct, 0, sealed, ENC_BYTES, ct.length);
            return sealed;
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("HPKE seal failed", e);
        }
    }

    /** Opens what {@link #seal} made for {@code recipient}; any failure is {@link HpkeOpenException}. */
    public static byte[] open(P256KeyPair recipient, byte[] info, byte[] aad, byte[] sealed) {
        if (sealed == null || sealed.length < ENC_BYTES + TAG_BYTES || info == null || aad == null) {
            throw new HpkeOpenException();
        }
        ECPrivateKeyParameters d = recipient.privateParameters();
        try {
            AsymmetricCipherKeyPair keyPair =
                    new AsymmetricCipherKeyPair(P256.publicParameters(recipient.publicKey()), d);
            byte[] enc = Arrays.copyOf(sealed, ENC_BYTES);
            byte[] ct = Arrays.copyOfRange(sealed, ENC_BYTES, sealed.length);
            return suite().open(enc, keyPair, info, aad, ct, null, null, null);
        } catch (InvalidCipherTextException | RuntimeException e) {
            // A bad point in enc throws IllegalArgumentException, a bad tag InvalidCipherTextException: same answer.
            throw new HpkeOpenException();
        }
    }

    /**
     * Opens what {@link #seal} made for a recipient whose private key stays where it is held (an HSM): only the
     * Diffie-Hellman step runs there ({@code agreement}), Decap's KDF, the key schedule and AES-256-GCM run here
     * ({@link HpkeDecapsulation}). Any failure, the key holder's included, is {@link HpkeOpenException}.
     *
     * @param recipientPublicKey the recipient's 65-byte SEC1 public key (the KEM context binds it)
     */
    public static byte[] open(
            P256KeyAgreement agreement, byte[] recipientPublicKey, byte[] info, byte[] aad, byte[] sealed) {
        if (sealed == null || sealed.length < ENC_BYTES + TAG_BYTES || info == null || aad == null) {
            throw new HpkeOpenException();
        }
        byte[] enc = Arrays.copyOf(sealed, ENC_BYTES);
        byte[] dh = null;
        byte[] sharedSecret = null;
        HpkeDecapsulation.Context context = null;
        try {
            // A point not on the curve is refused before the key holder is asked to multiply it.
            dh = agreement.sharedSecret(P256.requirePublicKey(enc));
            sharedSecret = HpkeDecapsulation.sharedSecret(dh, enc, P256.requirePublicKey(recipientPublicKey));
            context = HpkeDecapsulation.keySchedule(sharedSecret, info);
            return HpkeDecapsulation.open(context, aad, Arrays.copyOfRange(sealed, ENC_BYTES, sealed.length));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new HpkeOpenException();
        } finally {
            zero(dh);
            zero(sharedSecret);
            if (context != null) {
                context.clear();
            }
        }
    }

    private static void zero(byte[] bytes) {
        if (bytes != null) {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** RFC 9180 DeriveKeyPair(ikm) for DHKEM(P-256, HKDF-SHA256): for test vectors and deterministic fixtures. */
    public static P256KeyPair deriveKeyPair(byte[] ikm) {
        AsymmetricCipherKeyPair pair = suite().deriveKeyPair(ikm);
        return P256KeyPair.fromPrivateKey(P256.encodeScalar(((ECPrivateKeyParameters) pair.getPrivate()).getD()));
    }

    private static HPKE suite() {
        return new HPKE(HPKE.mode_base, HPKE.kem_P256_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
    }
}
