package org.hrm.contracts;

import java.util.Optional;

/**
 * How large a record may be, and what that asks of every hop (docs/large-records.md).
 *
 * <p>A record's plaintext may be up to {@link #MAX_PLAINTEXT_BYTES} (4 MiB: a discharge letter with scans, a small
 * imaging report). Its events carry C1, C2 or the released C1 whole, base64 in JSON, so one event of such a record is
 * about 4/3 of the plaintext plus the shares: {@link #MAX_EVENT_BYTES} bounds it with room for 255 shares, and the
 * Kafka topics that carry a record (and their producers) take messages up to {@link #MAX_MESSAGE_BYTES}. On chain a
 * payload too large for one transaction is cut into chunks ({@link LedgerChunks}).
 */
public final class RecordLimits {
    /** The largest record plaintext the platform takes: 4 MiB. */
    public static final int MAX_PLAINTEXT_BYTES = 4 * 1024 * 1024;

    /**
     * The largest event JSON accepted: a RecordSubmitted, RecordSealed or RecordReleased of a 4 MiB record is about
     * 5.6 MB (base64 of C1 or C2, shares, signature), so 6 MiB holds it with 255 shares.
     */
    public static final int MAX_EVENT_BYTES = 6 * 1024 * 1024;

    /**
     * The Kafka {@code max.message.bytes} of the topics that carry a whole record, and the {@code max.request.size}
     * of their producers: an event of {@link #MAX_EVENT_BYTES} plus headers and batch framing.
     */
    public static final int MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

    private RecordLimits() {}

    /** Why a record of {@code plaintextBytes} is refused, naming the limit; empty when it is within it. */
    public static Optional<String> plaintextRefusal(long plaintextBytes) {
        if (plaintextBytes > MAX_PLAINTEXT_BYTES) {
            return Optional.of("record too large: " + plaintextBytes + " bytes, the limit is " + MAX_PLAINTEXT_BYTES
                    + " bytes (4 MiB) of plaintext");
        }
        return Optional.empty();
    }

    /**
     * Why an inner ciphertext (C1) of {@code innerCiphertextBytes} is refused: the largest C1 is a 4 MiB plaintext
     * with a v1 header (61 bytes); empty when it is within the limit.
     */
    public static Optional<String> innerCiphertextRefusal(long innerCiphertextBytes) {
        long limit = MAX_PLAINTEXT_BYTES + 61L;
        if (innerCiphertextBytes > limit) {
            return Optional.of("record too large: inner ciphertext of " + innerCiphertextBytes + " bytes, the limit is "
                    + limit + " bytes (4 MiB of plaintext and the envelope header)");
        }
        return Optional.empty();
    }
}
