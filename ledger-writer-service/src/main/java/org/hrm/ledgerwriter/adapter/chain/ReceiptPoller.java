package org.hrm.ledgerwriter.adapter.chain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hrm.ledgerwriter.application.LedgerWriteException;
import org.hrm.ledgerwriter.domain.ChainReceipt;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.EthGetTransactionReceipt;

/**
 * Polls receipts of many transactions at a short interval (web3j's default processor waits 15 s),
 * all outstanding ones per round, until each is mined with the required confirmations.
 */
final class ReceiptPoller {
    private final Web3j web3j;
    private final RpcCalls calls;
    private final Duration interval;
    private final Duration timeout;
    private final int confirmations;

    ReceiptPoller(Web3j web3j, RpcCalls calls, Duration interval, Duration timeout, int confirmations) {
        this.web3j = web3j;
        this.calls = calls;
        this.interval = interval;
        this.timeout = timeout;
        this.confirmations = confirmations;
    }

    Map<String, ChainReceipt> await(Set<String> hashes) {
        Map<String, ChainReceipt> mined = new HashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            fetchMissing(hashes, mined);
            if (mined.size() == hashes.size() && confirmed(mined.values())) {
                return mined;
            }
            if (System.nanoTime() > deadline) {
                throw new LedgerWriteException(hashes.size() - mined.size() + " of " + hashes.size()
                        + " transactions not confirmed within " + timeout);
            }
            sleep();
        }
    }

    private void fetchMissing(Set<String> hashes, Map<String, ChainReceipt> mined) {
        List<String> missing = new ArrayList<>(new LinkedHashSet<>(hashes));
        missing.removeAll(mined.keySet());
        List<EthGetTransactionReceipt> responses =
                calls.sendAll(missing, web3j::ethGetTransactionReceipt, "polling receipts");
        for (int i = 0; i < missing.size(); i++) {
            EthGetTransactionReceipt response = responses.get(i);
            if (response.hasError()) {
                throw new LedgerWriteException(
                        "receipt lookup failed: " + response.getError().getMessage());
            }
            String hash = missing.get(i);
            response.getTransactionReceipt().map(ReceiptMapper::map).ifPresent(receipt -> mined.put(hash, receipt));
        }
    }

    private boolean confirmed(Iterable<ChainReceipt> receipts) {
        if (confirmations <= 1) {
            return true;
        }
        long head = RpcCalls.send(web3j.ethBlockNumber(), "reading the chain head")
                .getBlockNumber()
                .longValueExact();
        for (ChainReceipt receipt : receipts) {
            if (head - receipt.blockNumber() + 1 < confirmations) {
                return false;
            }
        }
        return true;
    }

    private void sleep() {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerWriteException("interrupted while waiting for receipts", e);
        }
    }
}
