package org.hrm.ledgerwriter.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Packs key shares into grantBatch and revocations into revokeBatch transactions, each in order and as
 * few as the entry count and the per-transaction gas budget allow. A share that alone exceeds the budget
 * is rejected, never split.
 */
public final class ConsentPacker {
    private final BudgetPacker<ShareGrant> grants;
    private final BudgetPacker<Revocation> revocations;
    private final long maxGas;

    public ConsentPacker(GasModel gas, int maxEntries, long maxGas) {
        if (maxGas < gas.gasLimit(gas.shareGas(0), 0)) {
            throw new IllegalArgumentException("gas budget " + maxGas + " fits not even an empty key share");
        }
        BudgetPacker.CallGas<ShareGrant> grantBatch = new BudgetPacker.CallGas<>(
                share -> gas.shareGas(share.share().length), share -> share.share().length, gas::gasLimit);
        BudgetPacker.CallGas<Revocation> revokeBatch = new BudgetPacker.CallGas<>(
                revocation -> gas.revocationGas(), revocation -> 0, (sum, largest) -> gas.revokeGasLimit(sum));
        this.grants = new BudgetPacker<>(grantBatch, maxEntries, maxGas);
        this.revocations = new BudgetPacker<>(revokeBatch, maxEntries, maxGas);
        this.maxGas = maxGas;
    }

    public ConsentPacking pack(List<ConsentEntry> entries) {
        List<ShareGrant> shares = new ArrayList<>();
        List<Revocation> revoked = new ArrayList<>();
        for (ConsentEntry entry : entries) {
            if (entry instanceof ShareGrant share) {
                shares.add(share);
            } else if (entry instanceof Revocation revocation) {
                revoked.add(revocation);
            }
        }
        List<Rejected> rejected = new ArrayList<>();
        List<ConsentTransaction> transactions = new ArrayList<>();
        grants.pack(shares, (share, single) -> rejected.add(new Rejected(share.entryId(), tooLarge(share, single))))
                .forEach(batch -> transactions.add(new ConsentTransaction.Grants(batch.entries(), batch.gasLimit())));
        revocations
                .pack(revoked, ConsentPacker::neverTooLarge)
                .forEach(batch ->
                        transactions.add(new ConsentTransaction.Revocations(batch.entries(), batch.gasLimit())));
        return new ConsentPacking(transactions, rejected);
    }

    private static void neverTooLarge(Revocation revocation, long single) {
        // A revocation needs less gas than an empty key share, which the constructor made sure fits.
        throw new IllegalStateException("revocation " + revocation.grantId() + " needs " + single + " gas");
    }

    private String tooLarge(ShareGrant share, long single) {
        return "key share too large for one ledger transaction: " + share.share().length + " bytes need " + single
                + " gas, budget " + maxGas;
    }
}
