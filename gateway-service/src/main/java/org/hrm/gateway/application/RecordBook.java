package org.hrm.gateway.application;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.hrm.contracts.Domain;
import org.hrm.contracts.events.RecordCommitted;
import org.hrm.contracts.events.RecordSubmitted;

/**
 * Every record's status, built from the record and erasure topics. Events of one record may arrive in any order
 * across topics; each only fills in its part, and a record's stage only moves forward.
 */
public final class RecordBook {
    private final Map<String, RecordView> records = new ConcurrentHashMap<>();

    public void submitted(RecordSubmitted event) {
        update(
                event.recordId(),
                event.domain(),
                view -> view.submitted(
                        event.ownerId(),
                        event.authorId(),
                        event.category(),
                        event.submittedAt(),
                        event.shares(),
                        event.authorSignature()));
    }

    public void sealed(String recordId, Domain domain, Instant sealedAt) {
        update(recordId, domain, view -> view.sealed(sealedAt));
    }

    public void committed(RecordCommitted event) {
        update(event.recordId(), event.domain(), view -> view.committed(event));
    }

    public void erased(String recordId, Domain domain, Instant erasedAt) {
        update(recordId, domain, view -> view.erased(erasedAt));
    }

    public Optional<RecordView> find(String recordId) {
        return Optional.ofNullable(records.get(recordId));
    }

    /** The owner's records whose submission is known, oldest first. */
    public List<RecordView> ownedBy(String ownerId) {
        return records.values().stream()
                .filter(view -> ownerId.equals(view.ownerId()))
                .sorted(Comparator.comparing(RecordView::submittedAt))
                .toList();
    }

    /** How many records are at each stage, for the ops dashboard. */
    public Map<String, Long> stageCounts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        records.values()
                .forEach(view -> counts.merge(view.stage().name().toLowerCase(java.util.Locale.ROOT), 1L, Long::sum));
        return counts;
    }

    private void update(String recordId, Domain domain, UnaryOperator<RecordView> change) {
        records.compute(recordId, (id, view) -> change.apply(view == null ? RecordView.unknown(id, domain) : view));
    }
}
