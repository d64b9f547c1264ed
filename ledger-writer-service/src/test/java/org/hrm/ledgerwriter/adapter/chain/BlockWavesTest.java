package org.hrm.ledgerwriter.adapter.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockWavesTest {
    private static final long BLOCK_GAS = 1_000_000_000L;
    /** The gas limit of one 384 KiB chunk transaction, with the writer's margin. */
    private static final long CHUNK_GAS = 10_800_000L;

    @Test
    void cutsOneBatchOfChunkTransactionsLargerThanABlockIntoWavesThatEachFitOneBlock() {
        // 50 records of 1 MiB: 150 chunk transactions, 1.62 billion gas, more than one block of the bench's Anvil.
        List<Long> chunks = Collections.nCopies(150, CHUNK_GAS);

        List<List<Long>> waves = BlockWaves.of(chunks, Long::longValue, BLOCK_GAS);

        assertThat(waves).extracting(List::size).containsExactly(92, 58);
        assertThat(waves)
                .allSatisfy(wave -> assertThat(
                                wave.stream().mapToLong(Long::longValue).sum())
                        .isLessThanOrEqualTo(BLOCK_GAS));
    }

    @Test
    void keepsABatchThatFitsOneBlockInOneWave() {
        List<Long> batches = Collections.nCopies(12, 6_600_000L);

        assertThat(BlockWaves.of(batches, Long::longValue, BLOCK_GAS)).hasSize(1);
    }

    @Test
    void keepsTheOrderSoNoncesArriveWaveByWave() {
        List<Long> gas = List.of(6L, 5L, 4L, 7L, 1L, 2L);

        assertThat(BlockWaves.of(gas, Long::longValue, 10))
                .containsExactly(List.of(6L), List.of(5L, 4L), List.of(7L, 1L, 2L));
    }

    @Test
    void putsATransactionLargerThanTheBlockInAWaveOfItsOwn() {
        assertThat(BlockWaves.of(List.of(3L, 12L, 3L), Long::longValue, 10))
                .containsExactly(List.of(3L), List.of(12L), List.of(3L));
    }

    @Test
    void hasNoWaveForNoTransaction() {
        assertThat(BlockWaves.<Long>of(List.of(), Long::longValue, 10)).isEmpty();
    }
}
