package org.hrm.ledgerwriter.domain;

/**
 * Where one chunk of a record too large for one transaction stands: its index (from 0) among {@code count}, and the
 * SHA-256 of the record's whole payload, which readers check after putting the chunks together.
 */
public record ChunkPosition(int index, int count, byte[] digest) {
    public ChunkPosition {
        if (count < 2 || index < 0 || index >= count) {
            throw new IllegalArgumentException("chunk " + index + " of " + count);
        }
        if (digest == null || digest.length != 32) {
            throw new IllegalArgumentException("a chunk's digest is 32 bytes");
        }
    }
}
