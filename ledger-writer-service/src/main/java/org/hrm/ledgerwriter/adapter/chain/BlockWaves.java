package org.hrm.ledgerwriter.adapter.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Cuts transactions, in nonce order, into waves whose gas limits add up to at most one block's gas limit.
 *
 * <p>Why: an automining node (Anvil, the sandbox's and the bench's chain) mines one block each time it is woken by
 * new transactions, with every ready one that fits the block gas limit; the ones that do not fit stay in its pool
 * until another transaction arrives. A batch of more than one block's gas (150 chunk transactions of 50 records of 1
 * MiB, 1.6 billion gas against the bench's 1 billion) whose lowest nonce arrives late becomes ready all at once and
 * strands the rest of the pool: they are never mined, and the writer times out waiting for them. The writer sends the
 * next wave only once the previous one is mined, so no more than one block of one call's gas is ready at once (a batch
 * awaits its last wave outside the signing lane's turn, so the next turn's first wave may join it). A node
 * with a block time (Besu) gains nothing from more: it cannot put more than one block's gas into one block either.
 */
final class BlockWaves {
    private BlockWaves() {}

    /** The waves; a transaction whose gas limit alone exceeds the block's is a wave of its own (the node refuses it). */
    static <T> List<List<T>> of(List<T> transactions, ToLongFunction<T> gasLimit, long blockGasLimit) {
        List<List<T>> waves = new ArrayList<>();
        List<T> wave = new ArrayList<>();
        long gas = 0;
        for (T transaction : transactions) {
            long each = gasLimit.applyAsLong(transaction);
            if (!wave.isEmpty() && gas + each > blockGasLimit) {
                waves.add(wave);
                wave = new ArrayList<>();
                gas = 0;
            }
            wave.add(transaction);
            gas += each;
        }
        if (!wave.isEmpty()) {
            waves.add(wave);
        }
        return waves;
    }
}
