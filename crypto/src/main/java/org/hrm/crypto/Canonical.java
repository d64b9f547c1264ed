package org.hrm.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Canonical bytes for signatures: a label, then every field length-prefixed (u32 big-endian), so no two different
 * field lists encode alike.
 *
 * <p>Byte for byte: {@code u32(len(utf8(label))) || utf8(label)}, then per field {@code u32(len) || bytes}; a text
 * field is its UTF-8 bytes ({@code null} text is the four characters {@code "null"}, kept for the v1 events that
 * signed it so; v2 events write an absent optional text with {@link #optionalText} as an empty field and refuse
 * blank values), a number is its decimal text, a flag is {@code "true"} or {@code "false"}, an instant its ISO-8601
 * text as {@link java.time.Instant#toString()} writes it, a list its element count (decimal text) then each element's
 * fields.
 */
public final class Canonical {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private Canonical(String label) {
        text(label);
    }

    public static Canonical of(String label) {
        return new Canonical(label);
    }

    public Canonical text(String value) {
        return bytes(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
    }

    /** An optional text: its UTF-8 bytes, or an empty field when absent (v2 events refuse blank present values). */
    public Canonical optionalText(String value) {
        return value == null ? bytes(new byte[0]) : text(value);
    }

    /** A count, e.g. of the elements of the list that follows: its decimal text. */
    public Canonical count(int value) {
        return text(Integer.toString(value));
    }

    public Canonical bytes(byte[] value) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
        out.writeBytes(value);
        return this;
    }

    public byte[] toBytes() {
        return out.toByteArray();
    }
}
