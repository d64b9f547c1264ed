package org.hrm.gateway.adapter.kafka;

import org.hrm.contracts.EventCodec;
import org.hrm.contracts.events.ErasedRecord;
import org.hrm.contracts.events.ErasureCommitted;
import org.hrm.contracts.events.ErasureReceipt;
import org.hrm.contracts.events.ErasureRequested;
import org.hrm.contracts.events.KeysDestroyed;
import org.hrm.gateway.application.ErasureBook;
import org.hrm.gateway.application.ErasureRequest;
import org.hrm.gateway.application.SignedReceipt;
import org.hrm.gateway.application.TombstoneLog;

/**
 * The erasure topics' events as the gateway's {@link ErasureBook} reads them. A receipt is decoded (and so checked)
 * here and handed over as a {@link SignedReceipt} that keeps the event's bytes as read, so its owner downloads exactly
 * what the vault signed.
 */
public final class ErasureMapping {
    private ErasureMapping() {}

    public static ErasureRequest request(ErasureRequested event) {
        return new ErasureRequest(
                event.requestId(),
                event.domain(),
                event.ownerId(),
                event.recordId(),
                event.requestedAt(),
                event.ownerSignature() != null,
                event.attestation() != null);
    }

    public static void keysDestroyed(ErasureBook erasures, KeysDestroyed event) {
        erasures.keysDestroyed(
                event.requestId(),
                event.domain(),
                event.records().stream().map(ErasedRecord::recordId).toList(),
                event.destroyedAt());
    }

    public static void committed(ErasureBook erasures, ErasureCommitted event) {
        erasures.committed(
                event.requestId(),
                event.tombstones().stream()
                        .map(tombstone -> new TombstoneLog(
                                tombstone.recordId(),
                                tombstone.transactionHash(),
                                tombstone.blockNumber(),
                                tombstone.logIndex()))
                        .toList());
    }

    /** The receipt in {@code event}, an {@link ErasureReceipt} as read from the topic. */
    public static SignedReceipt receipt(EventCodec codec, byte[] event) {
        ErasureReceipt receipt = codec.decode(event, ErasureReceipt.class);
        return new SignedReceipt(receipt.requestId(), receipt.recordIds(), event);
    }
}
