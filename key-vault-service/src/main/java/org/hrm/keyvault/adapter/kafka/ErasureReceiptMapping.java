package org.hrm.keyvault.adapter.kafka;

import org.hrm.contracts.events.DestroyedKey;
import org.hrm.contracts.events.ErasureReceipt;
import org.hrm.contracts.events.Tombstone;
import org.hrm.keyvault.application.ReceiptBytes;
import org.hrm.keyvault.application.VaultDomains;
import org.hrm.keyvault.domain.Erasure;
import org.hrm.keyvault.domain.IssuedReceipt;
import org.hrm.keyvault.domain.LedgerTombstone;

/** Maps an erasure and its issued receipt to the ErasureReceipt event, whose bytes the receipt's signature covers. */
public final class ErasureReceiptMapping implements ReceiptBytes {

    @Override
    public byte[] of(Erasure erasure, IssuedReceipt issued) {
        return receipt(erasure, issued).signedBytes();
    }

    public static ErasureReceipt receipt(Erasure erasure, IssuedReceipt issued) {
        return new ErasureReceipt(
                erasure.requestId(),
                VaultDomains.toContract(erasure.domain()),
                erasure.ownerId(),
                erasure.recordIds(),
                erasure.keys().stream()
                        .map(k -> new DestroyedKey(k.kind(), k.keyId(), k.recordId(), k.masterKeyVersion()))
                        .toList(),
                erasure.destroyedAt(),
                issued.contractAddress(),
                issued.tombstones().stream()
                        .map(ErasureReceiptMapping::tombstone)
                        .toList(),
                issued.issuedAt(),
                issued.signature());
    }

    private static Tombstone tombstone(LedgerTombstone t) {
        return new Tombstone(t.recordId(), t.transactionHash(), t.blockNumber(), t.logIndex());
    }
}
