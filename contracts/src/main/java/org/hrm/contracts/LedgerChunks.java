package org.hrm.contracts;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A ledger payload too large for one transaction, cut into chunks that each go on chain in a transaction of their
 * own ({@code RecordLedger.storeChunk}, log {@code RecordChunkStored}), and put back together by every reader.
 *
 * <p>Design (docs/large-records.md). A record of up to 4 MiB ({@link RecordLimits}) has a payload of up to about
 * 4.2 MB, which at about 24 gas per byte (calldata and log) needs some 100 million gas: far over the 16,777,216 gas a
 * transaction may use. So a payload larger than {@link #CHUNK_BYTES} is cut into {@code count} consecutive chunks of
 * {@link #CHUNK_BYTES} (the last one shorter); chunk {@code index} (from 0) is logged under the record id and owner
 * pseudonym with {@code count} and the SHA-256 {@code digest} of the whole payload. A reader collects the record's
 * chunks, requires that every one names this record, that they agree on the count and the digest, and that each index
 * from 0 to count - 1 is there (a duplicate must be identical), puts them together in index order and checks the
 * digest before it decodes anything: a missing chunk, one of another record, one from another payload or bytes in the
 * wrong place are refused, and nothing of such a record is ever decrypted.
 *
 * <p>Why a fixed chunk size: the ledger writer indexes each chunk as its own entry ({@code recordId#index}) so a
 * redelivered record writes only its missing chunks; a size that followed the configured gas budget would cut the
 * same record differently after a configuration change. 384 KiB is about 10.8 million gas with the writer's 10 %
 * margin, well under the default 15 million budget and the 16,777,216 cap. Why not smaller chunks packed many per
 * transaction: a chunk alone nearly fills a transaction, so batching would gain nothing and would make the
 * chunk's position depend on its neighbours. Records up to {@link #CHUNK_BYTES} are not chunked at all: the batched
 * path of small records ({@code storeBatchInCalldata}, log {@code RecordInCalldata}, or {@code storeBatch}, log
 * {@code RecordStored}) pays nothing for this. Chunks keep their payload in the log in either layout.
 */
public final class LedgerChunks {
    /** The size of every chunk but the last; a payload of at most this size goes on chain whole. */
    public static final int CHUNK_BYTES = 384 * 1024;

    public static final int DIGEST_BYTES = 32;

    private LedgerChunks() {}

    /** One chunk as it is logged: the record, its position among {@code count}, the whole payload's digest. */
    public record Chunk(String recordId, int index, int count, byte[] digest, byte[] bytes) {
        public Chunk {
            Objects.requireNonNull(recordId, "recordId");
            Objects.requireNonNull(bytes, "bytes");
            if (digest == null || digest.length != DIGEST_BYTES) {
                throw new IllegalArgumentException("a chunk's digest is " + DIGEST_BYTES + " bytes");
            }
        }

        @Override
        public String toString() {
            return "Chunk[" + recordId + ", " + index + " of " + count + ", " + bytes.length + " bytes]";
        }
    }

    /** Whether a payload of this size goes on chain in chunks. */
    public static boolean needsChunks(int payloadBytes) {
        return payloadBytes > CHUNK_BYTES;
    }

    /** The chunks of a payload larger than {@link #CHUNK_BYTES}, in order. */
    public static List<Chunk> split(String recordId, byte[] payload) {
        if (!needsChunks(payload.length)) {
            throw new IllegalArgumentException(
                    "a payload of " + payload.length + " bytes fits one transaction: no chunks");
        }
        byte[] digest = sha256(payload);
        int count = (payload.length + CHUNK_BYTES - 1) / CHUNK_BYTES;
        List<Chunk> chunks = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            int from = index * CHUNK_BYTES;
            byte[] bytes = Arrays.copyOfRange(payload, from, Math.min(payload.length, from + CHUNK_BYTES));
            chunks.add(new Chunk(recordId, index, count, digest, bytes));
        }
        return chunks;
    }

    /**
     * The payload of {@code recordId} from its chunks, in any order; throws {@link InvalidEventException} saying why
     * when a chunk is missing, names another record, disagrees with the others or the digest does not match.
     */
    public static byte[] reassemble(String recordId, Collection<Chunk> chunks) {
        if (chunks.isEmpty()) {
            throw new InvalidEventException("record " + recordId + " has no chunks");
        }
        Chunk first = chunks.iterator().next();
        if (first.count() < 2) {
            throw new InvalidEventException("record " + recordId + " has a chunk count of " + first.count());
        }
        if (first.count() > chunks.size()) {
            // Checked before anything is allocated by the count, which comes from the chain.
            throw new InvalidEventException(
                    "record " + recordId + " lacks chunks: " + chunks.size() + " logged of " + first.count());
        }
        Chunk[] ordered = new Chunk[first.count()];
        for (Chunk chunk : chunks) {
            place(recordId, first, chunk, ordered);
        }
        int total = 0;
        for (int index = 0; index < ordered.length; index++) {
            if (ordered[index] == null) {
                throw new InvalidEventException(
                        "record " + recordId + " lacks chunk " + index + " of " + ordered.length);
            }
            total += ordered[index].bytes().length;
        }
        byte[] payload = new byte[total];
        int at = 0;
        for (Chunk chunk : ordered) {
            System.arraycopy(chunk.bytes(), 0, payload, at, chunk.bytes().length);
            at += chunk.bytes().length;
        }
        if (!MessageDigest.isEqual(sha256(payload), first.digest())) {
            throw new InvalidEventException("record " + recordId + ": its chunks do not match their digest");
        }
        return payload;
    }

    private static void place(String recordId, Chunk first, Chunk chunk, Chunk[] ordered) {
        if (!chunk.recordId().equals(recordId)) {
            throw new InvalidEventException("a chunk of record " + chunk.recordId() + " among those of " + recordId);
        }
        if (chunk.count() != first.count() || !MessageDigest.isEqual(chunk.digest(), first.digest())) {
            throw new InvalidEventException("the chunks of record " + recordId + " disagree on count or digest");
        }
        if (chunk.index() < 0 || chunk.index() >= chunk.count()) {
            throw new InvalidEventException(
                    "record " + recordId + " has chunk " + chunk.index() + " of " + chunk.count());
        }
        Chunk earlier = ordered[chunk.index()];
        if (earlier != null && !Arrays.equals(earlier.bytes(), chunk.bytes())) {
            throw new InvalidEventException("record " + recordId + " has two different chunks " + chunk.index());
        }
        ordered[chunk.index()] = chunk;
    }

    /** SHA-256 of the whole payload, as logged with every chunk. */
    public static byte[] sha256(byte[] payload) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(payload);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every JDK", e);
        }
    }
}
