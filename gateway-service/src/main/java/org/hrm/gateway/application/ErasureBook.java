package org.hrm.gateway.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hrm.contracts.Domain;

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

    public void requested(ErasureRequest request) {
        change(
                request.requestId(),
                view -> view != null
                        ? view
                        : new ErasureView(
                                request.requestId(),
                                request.domain(),
                                request.ownerId(),
                                request.recordId(),
                                request.requestedAt(),
                                request.authorizedBy(),
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

    /** The vault destroyed the keys of {@code recordIds} for erasure request {@code requestId}. */
    public void keysDestroyed(String requestId, Domain domain, List<String> recordIds, Instant destroyedAt) {
        List<String> erased = List.copyOf(recordIds);
        erased.forEach(recordId -> records.erased(recordId, domain, destroyedAt));
        change(requestId, view -> view == null ? null : view.destroyed(erased, destroyedAt));
    }

    /** The ledger writer committed the request's tombstones on chain. */
    public void committed(String requestId, List<TombstoneLog> tombstones) {
        List<TombstoneLog> committed = List.copyOf(tombstones);
        change(requestId, view -> view == null ? null : view.committed(committed));
    }

    public void receipt(SignedReceipt receipt) {
        change(receipt.requestId(), view -> view == null ? null : view.withReceipt(receipt));
    }

    public Optional<ErasureView> find(String requestId) {
        return Optional.ofNullable(erasures.get(requestId));
    }
}
