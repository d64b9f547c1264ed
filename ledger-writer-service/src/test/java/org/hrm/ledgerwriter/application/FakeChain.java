package org.hrm.ledgerwriter.application;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.hrm.ledgerwriter.domain.AnchorTransaction;
import org.hrm.ledgerwriter.domain.ChainReceipt;
import org.hrm.ledgerwriter.domain.ConsentTransaction;
import org.hrm.ledgerwriter.domain.PackedTransaction;
import org.hrm.ledgerwriter.domain.StoredLog;
import org.hrm.ledgerwriter.domain.TombstoneTransaction;

/** A chain in memory: a pool, blocks of one transaction, nonces, and switches to make it misbehave. */
public class FakeChain implements LedgerChain {
    final Map<String, SignedTransaction> pool = new LinkedHashMap<>();
    final Map<String, ChainReceipt> mined = new HashMap<>();
    final List<SignedTransaction> broadcasts = new ArrayList<>();
    final List<SignedTransaction> rebroadcasts = new ArrayList<>();
    final Set<Long> consumedNonces = new HashSet<>();
    final Set<String> reverting = new HashSet<>();
    final Map<String, String> kinds = new HashMap<>();
    Consumer<Collection<SignedTransaction>> beforeBroadcast = transactions -> {};
    long nextNonce;
    int nonceResyncs;
    private long block = 100;

    @Override
    public SignedTransaction sign(String contract, PackedTransaction transaction) {
        long nonce = nextNonce++;
        kinds.put("0xtx" + nonce + "-" + contract, "stored");
        return new SignedTransaction(
                "0xtx" + nonce + "-" + contract, "0xraw" + nonce, nonce, contract, transaction.entryIds());
    }

    @Override
    public SignedTransaction signConsents(String contract, ConsentTransaction transaction) {
        long nonce = nextNonce++;
        return new SignedTransaction(
                "0xtx" + nonce + "-" + contract, "0xraw" + nonce, nonce, contract, transaction.entryIds());
    }

    @Override
    public SignedTransaction signTombstones(String contract, TombstoneTransaction transaction) {
        long nonce = nextNonce++;
        kinds.put("0xtx" + nonce + "-" + contract, "erased");
        return new SignedTransaction(
                "0xtx" + nonce + "-" + contract, "0xraw" + nonce, nonce, contract, transaction.recordIds());
    }

    @Override
    public SignedTransaction signAnchors(String contract, AnchorTransaction transaction) {
        long nonce = nextNonce++;
        kinds.put("0xtx" + nonce + "-" + contract, "anchored");
        return new SignedTransaction(
                "0xtx" + nonce + "-" + contract, "0xraw" + nonce, nonce, contract, transaction.entryIds());
    }

    @Override
    public void broadcast(Collection<SignedTransaction> transactions) {
        beforeBroadcast.accept(transactions);
        transactions.forEach(transaction -> pool.put(transaction.hash(), transaction));
        broadcasts.addAll(transactions);
    }

    @Override
    public Rebroadcast rebroadcast(SignedTransaction transaction) {
        rebroadcasts.add(transaction);
        if (consumedNonces.contains(transaction.nonce()) || mined.containsKey(transaction.hash())) {
            return Rebroadcast.NONCE_CONSUMED;
        }
        pool.put(transaction.hash(), transaction);
        return Rebroadcast.ACCEPTED;
    }

    @Override
    public Optional<ChainReceipt> receipt(String transactionHash) {
        return Optional.ofNullable(mined.get(transactionHash));
    }

    @Override
    public Map<String, ChainReceipt> awaitConfirmed(Collection<String> transactionHashes) {
        pool.values().forEach(this::mine);
        pool.clear();
        Map<String, ChainReceipt> receipts = new HashMap<>();
        for (String hash : transactionHashes) {
            ChainReceipt receipt = mined.get(hash);
            if (receipt == null) {
                throw new LedgerWriteException("not mined: " + hash);
            }
            receipts.put(hash, receipt);
        }
        return receipts;
    }

    @Override
    public void resyncNonce() {
        nonceResyncs++;
    }

    void mine(SignedTransaction transaction) {
        boolean ok = !reverting.contains(transaction.hash());
        List<StoredLog> logs = new ArrayList<>();
        for (int i = 0; ok && i < transaction.entryIds().size(); i++) {
            logs.add(
                    new StoredLog(transaction.contract(), transaction.entryIds().get(i), i));
        }
        mined.put(transaction.hash(), new ChainReceipt(transaction.hash(), ok, block++, logs));
    }

    /** The record logs in chain order, each as "stored ID" or "erased ID". */
    List<String> recordLogs() {
        return mined.values().stream()
                .filter(receipt -> kinds.containsKey(receipt.transactionHash()))
                .sorted(java.util.Comparator.comparingLong(ChainReceipt::blockNumber))
                .flatMap(receipt ->
                        receipt.logs().stream().map(log -> kinds.get(receipt.transactionHash()) + " " + log.entryId()))
                .toList();
    }

    /** Entries (records, consent entries, tombstones) written on chain by successful transactions, with repetitions. */
    public List<String> writtenEntryIds() {
        return mined.values().stream()
                .flatMap(receipt -> receipt.logs().stream())
                .map(StoredLog::entryId)
                .toList();
    }
}
