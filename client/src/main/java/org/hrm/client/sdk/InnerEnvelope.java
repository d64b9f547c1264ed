package org.hrm.client.sdk;

import java.util.Arrays;

/**
 * The byte layout of C1: {@code version (0x01) || salt (32) || nonce (12) || AES-256-GCM ciphertext || tag (16)}.
 *
 * <p>{@link #parse} accepts any bytes and fails only with {@link RecordCryptoException}.
 */
final class InnerEnvelope {
    static final byte VERSION = 0x01;
    static final int SALT_BYTES = 32;
    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;
    static final int HEADER_BYTES = 1 + SALT_BYTES + NONCE_BYTES;
    static final int MIN_BYTES = HEADER_BYTES + TAG_BYTES;

    private final byte[] bytes;

    private InnerEnvelope(byte[] bytes) {
        this.bytes = bytes;
    }

    static InnerEnvelope parse(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new RecordCryptoException(RecordCryptoException.ENVELOPE_TRUNCATED);
        }
        if (bytes[0] != VERSION) {
            throw RecordCryptoException.unsupportedVersion(Byte.toUnsignedInt(bytes[0]));
        }
        if (bytes.length < MIN_BYTES) {
            throw new RecordCryptoException(RecordCryptoException.ENVELOPE_TRUNCATED);
        }
        return new InnerEnvelope(bytes);
    }

    /** A buffer for an envelope around {@code plaintextLength} bytes, header filled in, ciphertext still empty. */
    static byte[] allocate(byte[] salt, byte[] nonce, int plaintextLength) {
        byte[] out = new byte[MIN_BYTES + plaintextLength];
        out[0] = VERSION;
        System.arraycopy(salt, 0, out, 1, SALT_BYTES);
        System.arraycopy(nonce, 0, out, 1 + SALT_BYTES, NONCE_BYTES);
        return out;
    }

    byte[] salt() {
        return Arrays.copyOfRange(bytes, 1, 1 + SALT_BYTES);
    }

    byte[] nonce() {
        return Arrays.copyOfRange(bytes, 1 + SALT_BYTES, HEADER_BYTES);
    }

    /** The whole envelope; the ciphertext and tag start at {@link #HEADER_BYTES}. */
    byte[] bytes() {
        return bytes;
    }
}
