package org.hrm.ledgerwriter.domain;

import java.util.Objects;

/**
 * One record as it goes on chain, or one chunk of a record too large for one transaction: its id, the owner's 32-byte
 * pseudonym and the log payload (or this chunk of it).
 *
 * @param payload the encoded ledger payload (C2, key shares, author signature), or this chunk's bytes of it
 * @param chunk where this chunk stands in its record's payload; null for a record that goes on chain whole
 */
public record LedgerRecord(String recordId, byte[] ownerPseudonym, byte[] payload, ChunkPosition chunk) {
    public static final int PSEUDONYM_LENGTH = 32;

    public LedgerRecord {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(payload, "payload");
        if (ownerPseudonym == null || ownerPseudonym.length != PSEUDONYM_LENGTH) {
            throw new IllegalArgumentException("ownerPseudonym must be 32 bytes");
        }
    }

    /** A record that goes on chain whole, in a storeBatch with others. */
    public LedgerRecord(String recordId, byte[] ownerPseudonym, byte[] payload) {
        this(recordId, ownerPseudonym, payload, null);
    }

    public boolean isChunk() {
        return chunk != null;
    }

    /** Its ledger index entry: the record id, or {@code recordId#index} for a chunk ({@link RecordIds#chunkEntryId}). */
    public String entryId() {
        return chunk == null ? recordId : RecordIds.chunkEntryId(recordId, chunk.index());
    }

    public int payloadSize() {
        return payload.length;
    }

    @Override
    public String toString() {
        return "LedgerRecord[" + entryId() + ", " + payload.length + " payload bytes]";
    }
}
