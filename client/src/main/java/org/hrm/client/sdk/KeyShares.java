package org.hrm.client.sdk;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.SecureRandom;
import java.util.Arrays;
import org.hrm.crypto.Hpke;
import org.hrm.crypto.HpkeOpenException;

/**
 * Key shares: K1 wrapped to one reader with HPKE (RFC 9180) base mode, DHKEM(P-256, HKDF-SHA256), HKDF-SHA256,
 * AES-256-GCM; {@code info = "hrm/share/v1" || recordId}, {@code aad = readerId}.
 *
 * <p>A share is {@code enc (65 bytes) || ct (48 bytes)}, sealed and opened by {@link Hpke}: the ephemeral key comes from
 * DeriveKeyPair over 32 bytes of the injected randomness, so a fixed random source gives reproducible shares.
 */
final class KeyShares {
    static final int ENC_BYTES = Hpke.ENC_BYTES;
    static final int SHARE_BYTES = ENC_BYTES + InnerLayer.KEY_BYTES + Hpke.TAG_BYTES;

    private KeyShares() {}

    static byte[] wrap(
            byte[] key, RecordIdentity identity, String readerId, byte[] readerPublicKey, SecureRandom random) {
        byte[] share = Hpke.seal(readerPublicKey, identity.shareInfo(), readerId.getBytes(UTF_8), key, random);
        if (share.length != SHARE_BYTES) {
            throw new IllegalArgumentException("a record key is " + InnerLayer.KEY_BYTES + " bytes");
        }
        return share;
    }

    /** Opens a share with the reader's private key; any failure is the same {@link RecordCryptoException}. */
    static byte[] unwrap(byte[] share, RecordIdentity identity, PartyKeys reader) {
        if (share == null || share.length != SHARE_BYTES) {
            throw new RecordCryptoException(RecordCryptoException.SHARE_DOES_NOT_OPEN);
        }
        try {
            byte[] aad = reader.partyId().getBytes(UTF_8);
            return requireKeyLength(Hpke.open(reader.keyPair(), identity.shareInfo(), aad, share));
        } catch (HpkeOpenException e) {
            throw new RecordCryptoException(RecordCryptoException.SHARE_DOES_NOT_OPEN);
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
