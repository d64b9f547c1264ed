package org.hrm.client.sdk;

import java.util.Arrays;

/**
 * The byte layout of C1. v2: {@code 0x02 || nonce (12) || AES-256-GCM ciphertext || tag (16)}; the salt travels only
 * in the key shares. v1 (read only, and written by {@link RecordEncryptor#encryptV1} for compatibility tests):
 * {@code 0x01 || salt (32) || nonce (12) || ciphertext || tag (16)}.
 *
 * <p>{@link #parse} accepts any bytes and fails only with {@link RecordCryptoException}.
 */
final class InnerEnvelope {
    static final byte V1 = 0x01;
    static final byte V2 = 0x02;
    static final int SALT_BYTES = 32;
    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;

    private final byte[] bytes;

    private InnerEnvelope(byte[] bytes) {
        this.bytes = bytes;
    }

    static InnerEnvelope parse(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new RecordCryptoException(RecordCryptoException.ENVELOPE_TRUNCATED);
        }
        if (bytes[0] != V1 && bytes[0] != V2) {
            throw RecordCryptoException.unsupportedVersion(Byte.toUnsignedInt(bytes[0]));
        }
        if (bytes.length < headerBytes(bytes[0]) + TAG_BYTES) {
            throw new RecordCryptoException(RecordCryptoException.ENVELOPE_TRUNCATED);
        }
        return new InnerEnvelope(bytes);
    }

    /** Header length: version byte, the salt in v1, the nonce. */
    static int headerBytes(byte version) {
        return 1 + (version == V1 ? SALT_BYTES : 0) + NONCE_BYTES;
    }

    /**
     * A buffer for an envelope around {@code plaintextLength} bytes, header filled in, ciphertext still empty; {@code
     * salt} is written only into a v1 header.
     */
    static byte[] allocate(byte version, byte[] salt, byte[] nonce, int plaintextLength) {
        int header = headerBytes(version);
        byte[] out = new byte[header + plaintextLength + TAG_BYTES];
        out[0] = version;
        if (version == V1) {
            System.arraycopy(salt, 0, out, 1, SALT_BYTES);
        }
        System.arraycopy(nonce, 0, out, header - NONCE_BYTES, NONCE_BYTES);
        return out;
    }

    int version() {
        return bytes[0];
    }

    /** The salt of a v1 envelope; a v2 envelope has none (it is in the share). */
    byte[] salt() {
        if (bytes[0] != V1) {
            throw new IllegalStateException("a v2 envelope carries no salt");
        }
        return Arrays.copyOfRange(bytes, 1, 1 + SALT_BYTES);
    }

    byte[] nonce() {
        int header = headerBytes(bytes[0]);
        return Arrays.copyOfRange(bytes, header - NONCE_BYTES, header);
    }

    /** Where the ciphertext starts. */
    int ciphertextOffset() {
        return headerBytes(bytes[0]);
    }

    /** The whole envelope. */
    byte[] bytes() {
        return bytes;
    }
}
