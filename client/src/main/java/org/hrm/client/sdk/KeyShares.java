package org.hrm.client.sdk;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.SecureRandom;
import java.util.Arrays;
import org.hrm.crypto.Hpke;
import org.hrm.crypto.HpkeOpenException;

/**
 * Key shares: what a reader needs besides C1, wrapped to the reader with HPKE (RFC 9180) base mode, DHKEM(P-256,
 * HKDF-SHA256), HKDF-SHA256, AES-256-GCM, {@code aad = readerId}. v2 seals {@code K1 || salt} with {@code info =
 * "hrm/share/v2" || recordId}: exactly 145 bytes, {@code enc (65) || ct (64) || tag (16)}. v1 sealed K1 alone with
 * {@code info = "hrm/share/v1" || recordId}: 113 bytes. The length names the version.
 *
 * <p>Sealed and opened by {@link Hpke}: the ephemeral key comes from DeriveKeyPair over 32 bytes of the injected
 * randomness, so a fixed random source gives reproducible shares.
 */
final class KeyShares {
    static final int V1_PAYLOAD_BYTES = InnerLayer.KEY_BYTES;
    static final int V2_PAYLOAD_BYTES = InnerLayer.KEY_BYTES + InnerEnvelope.SALT_BYTES;
    static final int V1_SHARE_BYTES = Hpke.ENC_BYTES + V1_PAYLOAD_BYTES + Hpke.TAG_BYTES;
    static final int V2_SHARE_BYTES = Hpke.ENC_BYTES + V2_PAYLOAD_BYTES + Hpke.TAG_BYTES;

    private KeyShares() {}

    /** Wraps a share payload ({@code K1} for v1, {@code K1 || salt} for v2) to one reader. */
    static byte[] wrap(
            byte[] payload, RecordIdentity identity, String readerId, byte[] readerPublicKey, SecureRandom random) {
        byte[] info = identity.shareInfo(versionOfPayload(payload.length));
        return Hpke.seal(readerPublicKey, info, readerId.getBytes(UTF_8), payload, random);
    }

    /**
     * Opens a share with the reader's private key: the payload, {@code K1} (v1) or {@code K1 || salt} (v2); the caller
     * zeroes it. Any failure is the same {@link RecordCryptoException}.
     */
    static byte[] unwrap(byte[] share, RecordIdentity identity, PartyKeyHolder reader) {
        int version = share == null ? 0 : versionOfShare(share.length);
        if (version == 0) {
            throw new RecordCryptoException(RecordCryptoException.SHARE_DOES_NOT_OPEN);
        }
        byte[] payload;
        try {
            byte[] aad = reader.partyId().getBytes(UTF_8);
            payload = reader.open(identity.shareInfo(version), aad, share);
        } catch (HpkeOpenException e) {
            throw new RecordCryptoException(RecordCryptoException.SHARE_DOES_NOT_OPEN);
        }
        if (versionOfPayload(payload.length, 0) != version) {
            Arrays.fill(payload, (byte) 0);
            throw new RecordCryptoException(RecordCryptoException.SHARE_DOES_NOT_OPEN);
        }
        return payload;
    }

    /** The envelope version a share payload belongs to: 1 for K1 alone, 2 for K1 || salt. */
    static int versionOfPayload(int length) {
        int version = versionOfPayload(length, 0);
        if (version == 0) {
            throw new IllegalArgumentException("a share payload is K1 (32 bytes) or K1 || salt (64 bytes)");
        }
        return version;
    }

    private static int versionOfPayload(int length, int otherwise) {
        return length == V1_PAYLOAD_BYTES ? 1 : length == V2_PAYLOAD_BYTES ? 2 : otherwise;
    }

    private static int versionOfShare(int length) {
        return length == V1_SHARE_BYTES ? 1 : length == V2_SHARE_BYTES ? 2 : 0;
    }
}
