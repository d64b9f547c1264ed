package org.hrm.ledgerwriter.application;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.hrm.ledgerwriter.domain.AnchorTransaction;
import org.hrm.ledgerwriter.domain.ChainReceipt;
import org.hrm.ledgerwriter.domain.ConsentTransaction;
import org.hrm.ledgerwriter.domain.PackedTransaction;
import org.hrm.ledgerwriter.domain.TombstoneTransaction;

/** The chain as the ledger writer sees it: one signing lane, local nonces, pipelined sends, receipts. */
public interface LedgerChain {

    /** Signs a storeBatch call to {@code contract} with the lane's next nonce; sends nothing. */
    SignedTransaction sign(String contract, PackedTransaction transaction);

    /** Signs a grantBatch or revokeBatch call to {@code contract} with the lane's next nonce; sends nothing. */
    SignedTransaction signConsents(String contract, ConsentTransaction transaction);

    /** Signs an eraseBatch call to {@code contract} with the lane's next nonce; sends nothing. */
    SignedTransaction signTombstones(String contract, TombstoneTransaction transaction);

    /** Signs an anchorAudit call to {@code contract} with the lane's next nonce; sends nothing. */
    SignedTransaction signAnchors(String contract, AnchorTransaction transaction);

    /**
     * Sends all transactions one after another in nonce order, never more than one block's gas of them unmined at once
     * (a wave waits for the one before to be confirmed); returns once the node accepted each, or throws.
     */
    void broadcast(Collection<SignedTransaction> transactions);

    /** Sends an already signed transaction again (after a crash or a dropped pool). */
    Rebroadcast rebroadcast(SignedTransaction transaction);

    /** The receipt of a mined transaction, if it is mined. */
    Optional<ChainReceipt> receipt(String transactionHash);

    /** Forgets the local nonce: the next signature fetches the account's pending nonce again. */
    void resyncNonce();

    /** Polls until every transaction is mined with the configured confirmations, or throws on timeout. */
    Map<String, ChainReceipt> awaitConfirmed(Collection<String> transactionHashes);

    /** What the node said to a rebroadcast. */
    enum Rebroadcast {
        /** In the pool (again, or still), or already mined. */
        ACCEPTED,
        /** Its nonce is used up: unless it is the one mined with that nonce, it can never land. */
        NONCE_CONSUMED
    }
}
