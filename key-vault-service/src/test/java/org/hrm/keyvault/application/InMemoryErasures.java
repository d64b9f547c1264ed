package org.hrm.keyvault.application;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hrm.keyvault.domain.Erasure;
import org.hrm.keyvault.domain.IssuedReceipt;
import org.hrm.keyvault.domain.RecordDomain;

/** Erasures and erased-record markers in memory, with the same conditional steps as the MongoDB adapter. */
final class InMemoryErasures implements ErasureStore, ErasedRecords {
    final Map<String, Erasure> erasures = new ConcurrentHashMap<>();
    final Map<String, String> markers = new ConcurrentHashMap<>();

    @Override
    public Optional<Erasure> find(RecordDomain domain, String requestId) {
        return Optional.ofNullable(erasures.get(key(domain, requestId)));
    }

    @Override
    public Erasure plan(RecordDomain domain, Erasure planned) {
        return erasures.computeIfAbsent(key(domain, planned.requestId()), k -> planned);
    }

    @Override
    public Erasure extend(
            RecordDomain domain, String requestId, List<String> recordIds, Map<String, Integer> pseudonymVersions) {
        return erasures.computeIfPresent(
                key(domain, requestId),
                (k, e) -> e.state() == Erasure.State.PLANNED ? e.with(recordIds, pseudonymVersions) : e);
    }

    @Override
    public Erasure markDestroyed(RecordDomain domain, String requestId, Instant destroyedAt) {
        return erasures.computeIfPresent(
                key(domain, requestId),
                (k, e) -> e.state() != Erasure.State.PLANNED
                        ? e
                        : new Erasure(
                                e.requestId(),
                                e.domain(),
                                e.ownerId(),
                                e.requestedRecordId(),
                                e.recordIds(),
                                e.keys(),
                                Erasure.State.DESTROYED,
                                e.plannedAt(),
                                destroyedAt,
                                null,
                                e.pseudonymVersions()));
    }

    @Override
    public Erasure markReceipted(RecordDomain domain, String requestId, IssuedReceipt receipt) {
        return erasures.computeIfPresent(
                key(domain, requestId),
                (k, e) -> e.state() != Erasure.State.DESTROYED
                        ? e
                        : new Erasure(
                                e.requestId(),
                                e.domain(),
                                e.ownerId(),
                                e.requestedRecordId(),
                                e.recordIds(),
                                e.keys(),
                                Erasure.State.RECEIPTED,
                                e.plannedAt(),
                                e.destroyedAt(),
                                receipt,
                                e.pseudonymVersions()));
    }

    @Override
    public Map<String, String> find(RecordDomain domain, Collection<String> recordIds) {
        Map<String, String> found = new HashMap<>();
        recordIds.forEach(id -> {
            String owner = markers.get(key(domain, id));
            if (owner != null) {
                found.put(id, owner);
            }
        });
        return found;
    }

    @Override
    public void mark(RecordDomain domain, String ownerId, String requestId, Collection<String> recordIds, Instant at) {
        recordIds.forEach(id -> markers.putIfAbsent(key(domain, id), ownerId));
    }

    static String key(RecordDomain domain, String id) {
        return domain + "/" + id;
    }
}
