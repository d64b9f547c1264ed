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

/**
 * Erasure requests by request id, from the erasure topics, with their receipts; erased records are marked in the
 * {@link RecordBook}. Each change is written to the {@link ViewStore}, and the book starts from what it holds.
 */
public final class ErasureBook {
    private final Map<String, ErasureView> erasures = new ConcurrentHashMap<>();
    private final RecordBook records;

    private final ViewStore store;

    public ErasureBook(RecordBook records) {
        this(records, ViewStore.none());
    }

    public ErasureBook(RecordBook records, ViewStore store) {
        this.records = records;
        this.store = store;
        store.erasures().forEach(erasure -> erasures.put(erasure.requestId(), erasure));
    }

    public void requested(ErasureRequested event) {
        change(
                event.requestId(),
                view -> view != null
                        ? view
                        : new ErasureView(
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

    private void change(String requestId, java.util.function.UnaryOperator<ErasureView> change) {
        ErasureView[] changed = new ErasureView[1];
        erasures.compute(requestId, (id, view) -> {
            ErasureView next = change.apply(view);
            changed[0] = next == null || next.equals(view) ? null : next;
            return next;
        });
        if (changed[0] != null) {
            store.saveErasure(changed[0]);
        }
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
        change(event.requestId(), view -> view == null ? null : view.destroyed(recordIds, event.destroyedAt()));
    }

    public void committed(ErasureCommitted event) {
        change(event.requestId(), view -> view == null ? null : view.committed(event.tombstones()));
    }

    public void receipt(ErasureReceipt receipt) {
        change(receipt.requestId(), view -> view == null ? null : view.receipt(receipt));
    }

    public Optional<ErasureView> find(String requestId) {
        return Optional.ofNullable(erasures.get(requestId));
    }
}
