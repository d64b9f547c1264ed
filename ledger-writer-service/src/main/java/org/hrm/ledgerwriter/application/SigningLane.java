package org.hrm.ledgerwriter.application;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The one signing lane that every use case (records, consents, erasures) shares: its chain, and turns
 * that keep their nonce-consuming steps apart.
 *
 * <p>Nonces are counted locally, so signing, storing pending, broadcasting and forgetting the count must
 * not interleave across batches: a resync in another batch's turn would hand out again a nonce that
 * batch signed but has not broadcast yet, and a batch that dies between signing and broadcasting must
 * resync before anyone signs behind its gap. Confirmations are awaited outside a turn, so transactions
 * of all use cases stay in flight together.
 */
public final class SigningLane {
    private final LedgerChain chain;
    // Fair: a busy record stream must not starve consent batches of turns.
    private final ReentrantLock turn = new ReentrantLock(true);

    public SigningLane(LedgerChain chain) {
        this.chain = chain;
    }

    public LedgerChain chain() {
        return chain;
    }

    /** Runs {@code steps} alone on the lane; if they fail, forgets the local nonce before the next turn. */
    public <T> T turn(Supplier<T> steps) {
        turn.lock();
        try {
            return steps.get();
        } catch (RuntimeException e) {
            // Signed but unsent nonces would leave a gap that stalls every later transaction.
            chain.resyncNonce();
            throw e;
        } finally {
            turn.unlock();
        }
    }

    /** Forgets the local nonce between turns: after a batch failed once its transactions were out. */
    public void resync() {
        turn.lock();
        try {
            chain.resyncNonce();
        } finally {
            turn.unlock();
        }
    }
}
