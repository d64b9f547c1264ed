package org.hrm.gateway.application;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hrm.contracts.events.ErasedRecord;
import org.hrm.contracts.events.ErasureCommitted;
import org.hrm.contracts.events.ErasureReceipt;
import org.hrm.contracts.events.ErasureRequested;
import org.hrm.contracts.events.KeysDestroyed;

/** Erasure requests by request id, from the erasure topics; erased records are marked in the {@link RecordBook}. */
public final class ErasureBook {
    private final Map<String, ErasureView> erasures = new ConcurrentHashMap<>();
    private final RecordBook records;

    public ErasureBook(RecordBook records) {
        this.records = records;
    }

    public void requested(ErasureRequested event) {
        erasures.putIfAbsent(
                event.requestId(),
                new ErasureView(
                        event.requestId(),
                        event.domain(),
                        event.ownerId(),
                        event.recordId(),
                        event.requestedAt(),
                        authority(event),
                        ErasureView.REQUESTED,
                        List.of(),
                        null,
                        List.of(),
                        null));
    }

    private static String authority(ErasureRequested event) {
        if (event.ownerSignature() != null) {
            return ErasureView.OWNER_SIGNATURE;
        }
        return event.attestation() != null ? ErasureView.GATEWAY_ATTESTATION : ErasureView.UNSIGNED;
    }

    public void keysDestroyed(KeysDestroyed event) {
        List<String> recordIds =
                event.records().stream().map(ErasedRecord::recordId).toList();
        recordIds.forEach(recordId -> records.erased(recordId, event.domain(), event.destroyedAt()));
        erasures.computeIfPresent(event.requestId(), (id, view) -> view.destroyed(recordIds, event.destroyedAt()));
    }

    public void committed(ErasureCommitted event) {
        erasures.computeIfPresent(event.requestId(), (id, view) -> view.committed(event.tombstones()));
    }

    public void receipt(ErasureReceipt receipt) {
        erasures.computeIfPresent(receipt.requestId(), (id, view) -> view.receipt(receipt));
    }

    public Optional<ErasureView> find(String requestId) {
        return Optional.ofNullable(erasures.get(requestId));
    }
}
