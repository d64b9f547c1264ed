package org.hrm.edge.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hrm.edge.domain.SubmittedRecord;

/**
 * The records this edge submitted since it started, by record id: what status and read-back know of. Kept in memory
 * only (ids, owners and categories, never content); a restarted edge reports on what it submits from then on.
 */
public final class SubmittedRecords {
    private final Map<String, SubmittedRecord> byId = new ConcurrentHashMap<>();

    void add(SubmittedRecord record) {
        byId.put(record.recordId(), record);
    }

    public Optional<SubmittedRecord> find(String recordId) {
        return Optional.ofNullable(byId.get(recordId));
    }

    public List<SubmittedRecord> all() {
        Collection<SubmittedRecord> records = byId.values();
        return records.stream()
                .sorted((a, b) -> a.submittedAt().compareTo(b.submittedAt()))
                .toList();
    }
}
