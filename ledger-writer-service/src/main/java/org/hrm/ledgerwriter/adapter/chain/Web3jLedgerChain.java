package org.hrm.ledgerwriter.adapter.chain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hrm.ledgerwriter.application.LedgerChain;
import org.hrm.ledgerwriter.application.LedgerWriteException;
import org.hrm.ledgerwriter.application.SignedTransaction;
import org.hrm.ledgerwriter.config.LedgerProperties;
import org.hrm.ledgerwriter.domain.AnchorTransaction;
import org.hrm.ledgerwriter.domain.ChainReceipt;
import org.hrm.ledgerwriter.domain.ConsentTransaction;
import org.hrm.ledgerwriter.domain.LedgerLayout;
import org.hrm.ledgerwriter.domain.PackedTransaction;
import org.hrm.ledgerwriter.domain.TombstoneTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthSendTransaction;

/**
 * The ledger chain over web3j: whole records in the configured layout ({@code hrm.ledger.layout}), one signing key with one local nonce count (records, consents and
 * tombstones sign through this one bean), raw sends one after another in nonce order, in waves of at most one block's
 * gas, and short-interval receipt polls.
 */
@Component
class Web3jLedgerChain implements LedgerChain {
    private static final Logger log = LoggerFactory.getLogger(Web3jLedgerChain.class);

    private final Web3j web3j;
    private final BatchSigner signer;
    private final NonceLane nonces;
    private final RpcCalls calls;
    private final ReceiptPoller poller;
    private final Long configuredChainId;
    private final LedgerLayout layout;
    private volatile Long chainId;
    private volatile Long blockGasLimit;

    Web3jLedgerChain(Web3j web3j, LedgerProperties properties) {
        this.web3j = web3j;
        this.signer = new BatchSigner(Credentials.create(properties.signingKey()), properties);
        this.nonces = new NonceLane(web3j, signer.address());
        this.calls = new RpcCalls(properties.maxInFlight());
        this.poller = new ReceiptPoller(
                web3j,
                calls,
                properties.receiptPollInterval(),
                properties.receiptTimeout(),
                properties.confirmations());
        this.configuredChainId = properties.chainId();
        this.layout = properties.layout();
    }

    /** Reads chain id and nonce once at start; a node that is down now only delays this to the first batch. */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        try {
            long nonce = nonces.prime();
            log.info("ledger writer {} signs for chain {}, next nonce {}", signer.address(), chainId(), nonce);
        } catch (RuntimeException e) {
            log.warn("chain not reachable at start, nonce will be read at the first batch: {}", e.toString());
        }
    }

    @Override
    public SignedTransaction sign(String contract, PackedTransaction transaction) {
        if (transaction.isChunk()) {
            return signer.sign(
                    contract,
                    LedgerCalls.storeChunk(transaction.records().get(0)),
                    transaction.gasLimit(),
                    transaction.entryIds(),
                    nonces.allocate(),
                    chainId());
        }
        return signer.sign(
                contract,
                LedgerCalls.recordBatch(layout, transaction.records()),
                transaction.gasLimit(),
                transaction.entryIds(),
                nonces.allocate(),
                chainId());
    }

    @Override
    public SignedTransaction signConsents(String contract, ConsentTransaction transaction) {
        return signer.sign(
                contract,
                LedgerCalls.consents(transaction),
                transaction.gasLimit(),
                transaction.entryIds(),
                nonces.allocate(),
                chainId());
    }

    @Override
    public SignedTransaction signTombstones(String contract, TombstoneTransaction transaction) {
        return signer.sign(
                contract,
                LedgerCalls.eraseBatch(transaction.tombstones()),
                transaction.gasLimit(),
                transaction.recordIds(),
                nonces.allocate(),
                chainId());
    }

    @Override
    public SignedTransaction signAnchors(String contract, AnchorTransaction transaction) {
        return signer.sign(
                contract,
                LedgerCalls.anchorAudit(transaction.roots()),
                transaction.gasLimit(),
                transaction.entryIds(),
                nonces.allocate(),
                chainId());
    }

    /**
     * Sends in waves of at most one block's gas ({@link BlockWaves}), each after the one before is confirmed, so an
     * automining node is never handed more of one call than it mines at once; the caller awaits the last wave.
     */
    @Override
    public void broadcast(Collection<SignedTransaction> transactions) {
        if (transactions.isEmpty()) {
            return; // most batches have no tombstones to follow: no need to ask the node for its gas limit
        }
        List<SignedTransaction> byNonce = transactions.stream()
                .sorted(Comparator.comparingLong(SignedTransaction::nonce))
                .toList();
        List<List<SignedTransaction>> waves =
                BlockWaves.of(byNonce, transaction -> TransactionHead.gasLimit(transaction.rawHex()), blockGasLimit());
        for (int i = 0; i < waves.size(); i++) {
            if (i > 0) {
                awaitConfirmed(
                        waves.get(i - 1).stream().map(SignedTransaction::hash).toList());
            }
            send(waves.get(i));
        }
    }

    /**
     * One after another, in nonce order (the wave is sorted): sent in parallel, a transaction could reach the node
     * before the one whose nonce precedes it, and an automining Anvil left such a transaction in its pool unmined
     * after mining its predecessor alone (LedgerWriterIT saw "1 of 2 transactions not confirmed" in CI).
     */
    private void send(List<SignedTransaction> all) {
        List<EthSendTransaction> responses = new ArrayList<>(all.size());
        for (SignedTransaction transaction : all) {
            responses.add(RpcCalls.send(web3j.ethSendRawTransaction(transaction.rawHex()), "sending a transaction"));
        }
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            EthSendTransaction response = responses.get(i);
            if (response.hasError() && !RpcErrors.alreadyKnown(response.getError())) {
                refused.add(all.get(i).hash() + ": " + response.getError().getMessage());
                if (RpcErrors.nonceError(response.getError())) {
                    nonces.resync();
                }
            }
        }
        if (!refused.isEmpty()) {
            throw new LedgerWriteException(
                    refused.size() + " of " + all.size() + " transactions refused, first " + refused.get(0));
        }
    }

    @Override
    public Rebroadcast rebroadcast(SignedTransaction transaction) {
        EthSendTransaction response =
                RpcCalls.send(web3j.ethSendRawTransaction(transaction.rawHex()), "rebroadcasting");
        if (!response.hasError() || RpcErrors.alreadyKnown(response.getError())) {
            return Rebroadcast.ACCEPTED;
        }
        if (RpcErrors.nonceTooLow(response.getError())) {
            return Rebroadcast.NONCE_CONSUMED;
        }
        throw new LedgerWriteException("rebroadcast of " + transaction.hash() + " refused: "
                + response.getError().getMessage());
    }

    @Override
    public Optional<ChainReceipt> receipt(String transactionHash) {
        var response = RpcCalls.send(web3j.ethGetTransactionReceipt(transactionHash), "reading a receipt");
        if (response.hasError()) {
            throw new LedgerWriteException(
                    "receipt lookup failed: " + response.getError().getMessage());
        }
        return response.getTransactionReceipt().map(ReceiptMapper::map);
    }

    @Override
    public Map<String, ChainReceipt> awaitConfirmed(Collection<String> transactionHashes) {
        return transactionHashes.isEmpty() ? Map.of() : poller.await(new LinkedHashSet<>(transactionHashes));
    }

    @Override
    public void resyncNonce() {
        nonces.resync();
    }

    /** The node's block gas limit, read once (the latest block's). */
    private long blockGasLimit() {
        if (blockGasLimit == null) {
            blockGasLimit = RpcCalls.send(
                            web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false),
                            "reading the block gas limit")
                    .getBlock()
                    .getGasLimit()
                    .longValueExact();
        }
        return blockGasLimit;
    }

    private long chainId() {
        if (chainId == null) {
            chainId = configuredChainId != null
                    ? configuredChainId
                    : RpcCalls.send(web3j.ethChainId(), "reading the chain id")
                            .getChainId()
                            .longValueExact();
        }
        return chainId;
    }
}
