package org.hrm.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LedgerChunksTest {
    private static final String RECORD = "6f1c1a52-8b4e-4d7e-9c5b-2f0a3d9e7b11";
    private static final String OTHER = "0f8fad5b-d9cb-469f-a165-70867728950e";

    @Test
    void splitsALargePayloadIntoConsecutiveChunksAndPutsThemBackInAnyOrder() {
        byte[] payload = payload(4 * 1024 * 1024 + 700, 1);

        List<LedgerChunks.Chunk> chunks = LedgerChunks.split(RECORD, payload);
        List<LedgerChunks.Chunk> reversed = new ArrayList<>(chunks);
        java.util.Collections.reverse(reversed);

        assertThat(chunks).hasSize(11);
        assertThat(chunks).allMatch(chunk -> chunk.count() == 11 && chunk.bytes().length <= LedgerChunks.CHUNK_BYTES);
        assertThat(LedgerChunks.reassemble(RECORD, reversed)).isEqualTo(payload);
    }

    @Test
    void leavesAPayloadThatFitsOneTransactionWhole() {
        assertThat(LedgerChunks.needsChunks(LedgerChunks.CHUNK_BYTES)).isFalse();
        assertThat(LedgerChunks.needsChunks(1024)).isFalse();
        assertThatThrownBy(() -> LedgerChunks.split(RECORD, new byte[1024]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAMissingChunk() {
        List<LedgerChunks.Chunk> chunks = new ArrayList<>(LedgerChunks.split(RECORD, payload(1024 * 1024, 2)));

        chunks.remove(1);

        assertThatThrownBy(() -> LedgerChunks.reassemble(RECORD, chunks))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("lacks chunks");
    }

    @Test
    void refusesChunksWhoseBytesAreInTheWrongPlace() {
        List<LedgerChunks.Chunk> chunks = LedgerChunks.split(RECORD, payload(1024 * 1024, 3));
        LedgerChunks.Chunk first = chunks.get(0);
        LedgerChunks.Chunk second = chunks.get(1);

        List<LedgerChunks.Chunk> swapped = List.of(
                new LedgerChunks.Chunk(RECORD, 0, first.count(), first.digest(), second.bytes()),
                new LedgerChunks.Chunk(RECORD, 1, first.count(), first.digest(), first.bytes()),
                chunks.get(2));

        assertThatThrownBy(() -> LedgerChunks.reassemble(RECORD, swapped))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("do not match their digest");
    }

    @Test
    void refusesAChunkOfAnotherRecord() {
        List<LedgerChunks.Chunk> chunks = withChunkReplaced(2, LedgerChunks.split(OTHER, payload(1024 * 1024, 4)));

        assertThatThrownBy(() -> LedgerChunks.reassemble(RECORD, chunks))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("a chunk of record " + OTHER);
    }

    @Test
    void refusesAChunkOfAnotherPayloadOfTheSameRecord() {
        List<LedgerChunks.Chunk> chunks = withChunkReplaced(1, LedgerChunks.split(RECORD, payload(1024 * 1024, 6)));

        assertThatThrownBy(() -> LedgerChunks.reassemble(RECORD, chunks))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("disagree on count or digest");
    }

    /** The chunks of a 1 MiB payload of {@link #RECORD}, chunk {@code index} taken from {@code strangers}. */
    private static List<LedgerChunks.Chunk> withChunkReplaced(int index, List<LedgerChunks.Chunk> strangers) {
        List<LedgerChunks.Chunk> chunks = new ArrayList<>(LedgerChunks.split(RECORD, payload(1024 * 1024, 5)));
        chunks.set(index, strangers.get(index));
        return chunks;
    }

    @Test
    void refusesAWrongDigest() {
        List<LedgerChunks.Chunk> chunks = LedgerChunks.split(RECORD, payload(1024 * 1024, 7));
        byte[] wrong = new byte[LedgerChunks.DIGEST_BYTES];

        List<LedgerChunks.Chunk> relabelled = chunks.stream()
                .map(chunk -> new LedgerChunks.Chunk(RECORD, chunk.index(), chunk.count(), wrong, chunk.bytes()))
                .toList();

        assertThatThrownBy(() -> LedgerChunks.reassemble(RECORD, relabelled))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("do not match their digest");
    }

    @Test
    void refusesAHugeCountBeforeAllocatingForIt() {
        LedgerChunks.Chunk chunk =
                LedgerChunks.split(RECORD, payload(1024 * 1024, 8)).get(0);

        LedgerChunks.Chunk boasting =
                new LedgerChunks.Chunk(RECORD, 0, Integer.MAX_VALUE, chunk.digest(), chunk.bytes());

        assertThatThrownBy(() -> LedgerChunks.reassemble(RECORD, List.of(boasting)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("lacks chunks");
    }

    @Test
    void toleratesAnIdenticalDuplicateChunk() {
        byte[] payload = payload(1024 * 1024, 9);
        List<LedgerChunks.Chunk> chunks = new ArrayList<>(LedgerChunks.split(RECORD, payload));

        chunks.add(chunks.get(1));

        assertThat(LedgerChunks.reassemble(RECORD, chunks)).isEqualTo(payload);
    }

    @Test
    void namesTheFourMebibyteLimitWhenARecordIsTooLarge() {
        assertThat(RecordLimits.plaintextRefusal(RecordLimits.MAX_PLAINTEXT_BYTES))
                .isEmpty();
        assertThat(RecordLimits.plaintextRefusal(RecordLimits.MAX_PLAINTEXT_BYTES + 1L))
                .hasValueSatisfying(
                        reason -> assertThat(reason).contains("4194304").contains("4 MiB"));
        assertThat(RecordLimits.innerCiphertextRefusal(RecordLimits.MAX_PLAINTEXT_BYTES + 29L))
                .isEmpty();
        assertThat(RecordLimits.innerCiphertextRefusal(RecordLimits.MAX_PLAINTEXT_BYTES + 62L))
                .isPresent();
    }

    private static byte[] payload(int size, long seed) {
        byte[] payload = new byte[size];
        new Random(seed).nextBytes(payload);
        return payload;
    }
}
