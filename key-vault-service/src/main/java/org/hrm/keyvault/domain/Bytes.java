package org.hrm.keyvault.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/** Byte helpers: unambiguous field encodings for AAD and digests, and zeroing of key material. */
final class Bytes {
    private Bytes() {}

    static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** Each field as a 4-byte big-endian length then its bytes, so no two field lists encode alike. */
    static byte[] lengthPrefixed(String... fields) {
        byte[][] encoded = Arrays.stream(fields).map(Bytes::utf8).toArray(byte[][]::new);
        int size = Arrays.stream(encoded).mapToInt(field -> 4 + field.length).sum();
        ByteBuffer buffer = ByteBuffer.allocate(size);
        for (byte[] field : encoded) {
            buffer.putInt(field.length).put(field);
        }
        return buffer.array();
    }

    static void update(MessageDigest digest, byte[] field) {
        digest.update(ByteBuffer.allocate(4).putInt(field.length).array());
        digest.update(field);
    }

    static void update(MessageDigest digest, String field) {
        update(digest, utf8(field));
    }

    static void zero(byte[] key) {
        if (key != null) {
            Arrays.fill(key, (byte) 0);
        }
    }
}
