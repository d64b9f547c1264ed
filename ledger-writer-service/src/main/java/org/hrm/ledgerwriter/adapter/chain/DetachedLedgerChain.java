package org.hrm.ledgerwriter.adapter.chain;

import org.hrm.ledgerwriter.application.LedgerChain;
import org.hrm.ledgerwriter.config.LedgerProperties;
import org.web3j.protocol.Web3j;

/**
 * The writer's web3j chain (its signer, nonce lane, pipelined sends and receipt poller) built outside its Spring
 * context from the properties given: how the bench drives the writer's own transaction path from another account.
 */
public final class DetachedLedgerChain implements AutoCloseable {
    private final Web3j web3j;
    private final LedgerChain chain;

    private DetachedLedgerChain(Web3j web3j, LedgerChain chain) {
        this.web3j = web3j;
        this.chain = chain;
    }

    public static DetachedLedgerChain open(LedgerProperties properties) {
        Web3j web3j = ChainConfiguration.web3j(properties);
        return new DetachedLedgerChain(web3j, new Web3jLedgerChain(web3j, properties));
    }

    public LedgerChain chain() {
        return chain;
    }

    @Override
    public void close() {
        web3j.shutdown();
    }
}
