package org.hrm.client.sdk;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContextWithEncapsulation;

/**
 * Key shares: K1 wrapped to one reader with HPKE (RFC 9180) base mode, DHKEM(P-256, HKDF-SHA256), HKDF-SHA256,
 * AES-256-GCM; {@code info = "hrm/share/v1" || recordId}, {@code aad = readerId}.
 *
 * <p>A share is {@code enc (65 bytes) || ct (48 bytes)}. A new {@link HPKE} per call: its KEM keeps per-operation
 * state and is not safe to share between threads.
 */
final class KeyShares {
    static final int ENC_BYTES = 65;
    static final int SHARE_BYTES = ENC_BYTES + InnerLayer.KEY_BYTES + 16;
    private static final int IKM_BYTES = 32;

    private KeyShares() {}

    static HPKE hpke() {
        return new HPKE(HPKE.mode_base, HPKE.kem_P256_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
    }

    static byte[] wrap(
            byte[] key, RecordIdentity identity, String readerId, byte[] readerPublicKey, SecureRandom random) {
        HPKE hpke = hpke();
        // The ephemeral key comes from DeriveKeyPair over bytes of the injected randomness (as in RFC 9180's test
        // vectors), so a fixed random source gives reproducible shares.
        byte[] ikm = new byte[IKM_BYTES];
        random.nextBytes(ikm);
        AsymmetricCipherKeyPair ephemeral = hpke.deriveKeyPair(ikm);
        Arrays.fill(ikm, (byte) 0);
        HPKEContextWithEncapsulation context =
                hpke.setupBaseS(hpke.deserializePublicKey(readerPublicKey), identity.shareInfo(), ephemeral);
        try {
            byte[] ct = context.seal(readerId.getBytes(UTF_8), key);
            byte[] share = Arrays.copyOf(context.getEncapsulation(), SHARE_BYTES);
            System.arraycopy(ct, 0, share, ENC_BYTES, ct.length);
            return share;
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("HPKE seal failed", e);
        }
    }

    /** Opens a share with the reader's private key; any failure is the same {@link RecordCryptoException}. */
    static byte[] unwrap(byte[] share, RecordIdentity identity, PartyKeys reader) {
        if (share == null || share.length != SHARE_BYTES) {
            throw new RecordCryptoException(RecordCryptoException.SHARE_DOES_NOT_OPEN);
        }
        HPKE hpke = hpke();
        byte[] privateKey = reader.privateKey();
        try {
            AsymmetricCipherKeyPair keyPair = hpke.deserializePrivateKey(privateKey, reader.publicKey());
            byte[] enc = Arrays.copyOf(share, ENC_BYTES);
            byte[] ct = Arrays.copyOfRange(share, ENC_BYTES, SHARE_BYTES);
            byte[] aad = reader.partyId().getBytes(UTF_8);
            return requireKeyLength(hpke.open(enc, keyPair, identity.shareInfo(), aad, ct, null, null, null));
        } catch (InvalidCipherTextException | RuntimeException e) {
            // A bad point in enc throws IllegalArgumentException, a bad tag InvalidCipherTextException: same answer.
            throw new RecordCryptoException(RecordCryptoException.SHARE_DOES_NOT_OPEN);
        } finally {
            Arrays.fill(privateKey, (byte) 0);
        }
    }

    private static byte[] requireKeyLength(byte[] key) {
        if (key.length != InnerLayer.KEY_BYTES) {
            Arrays.fill(key, (byte) 0);
            throw new RecordCryptoException(RecordCryptoException.SHARE_DOES_NOT_OPEN);
        }
        return key;
    }
}
