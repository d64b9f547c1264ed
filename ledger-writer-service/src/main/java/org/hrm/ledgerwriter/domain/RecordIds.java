package org.hrm.ledgerwriter.domain;

import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * Maps a record or grant id (a UUID) to the contract's {@code bytes16} and back: the UUID's 16
 * big-endian bytes.
 */
public final class RecordIds {
    public static final int LENGTH = 16;

    private RecordIds() {}

    /** The id in the form the chain gives back ({@link #fromBytes16}): lower case; throws if it is no UUID. */
    public static String canonical(String id) {
        return UUID.fromString(id).toString();
    }

    /** The ledger index entry of chunk {@code index} of a record stored in chunks: {@code recordId#index}. */
    public static String chunkEntryId(String recordId, int index) {
        return recordId + "#" + index;
    }

    public static byte[] toBytes16(String recordId) {
        UUID uuid = UUID.fromString(recordId);
        return ByteBuffer.allocate(LENGTH)
                .putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits())
                .array();
    }

    /** The record id in the first 16 bytes of {@code bytes}, e.g. of an indexed log topic (left-aligned). */
    public static String fromBytes16(byte[] bytes) {
        if (bytes.length < LENGTH) {
            throw new IllegalArgumentException("a record id needs 16 bytes, got " + bytes.length);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, LENGTH);
        return new UUID(buffer.getLong(), buffer.getLong()).toString();
    }
}
