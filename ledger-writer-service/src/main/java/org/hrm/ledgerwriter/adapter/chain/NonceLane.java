package org.hrm.ledgerwriter.adapter.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicLong;
import org.hrm.ledgerwriter.application.LedgerWriteException;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthGetTransactionCount;

/**
 * The nonces of one signing key (a lane), tracked locally: fetched once (pending count, so
 * transactions already in the pool are skipped), then counted up without asking the node again.
 */
final class NonceLane {
    private static final long UNKNOWN = -1;

    private final Web3j web3j;
    private final String address;
    private final AtomicLong next = new AtomicLong(UNKNOWN);

    NonceLane(Web3j web3j, String address) {
        this.web3j = web3j;
        this.address = address;
    }

    long allocate() {
        while (true) {
            long current = next.get();
            if (current == UNKNOWN) {
                next.compareAndSet(UNKNOWN, fetch());
            } else if (next.compareAndSet(current, current + 1)) {
                return current;
            }
        }
    }

    /** Fetches the nonce now unless it is known; returns it. */
    long prime() {
        next.compareAndSet(UNKNOWN, fetch());
        return next.get();
    }

    /** Forgets the local count; the next allocation asks the node (after nonce errors or a failed batch). */
    void resync() {
        next.set(UNKNOWN);
    }

    private long fetch() {
        try {
            EthGetTransactionCount count = web3j.ethGetTransactionCount(address, DefaultBlockParameterName.PENDING)
                    .send();
            if (count.hasError()) {
                throw new LedgerWriteException(
                        "cannot read the writer's nonce: " + count.getError().getMessage());
            }
            return count.getTransactionCount().longValueExact();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the writer's nonce", e);
        }
    }
}
