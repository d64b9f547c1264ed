package org.hrm.gateway.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hrm.contracts.authority.DirectoryEntry;

/** A {@link ViewStore} in maps, outliving the books a test builds on it as the database outlives a gateway. */
final class InMemoryViewStore implements ViewStore {
    private final Map<String, DirectoryEntry> parties = new ConcurrentHashMap<>();
    private final Map<String, OwnerGrants> grants = new ConcurrentHashMap<>();
    private final Map<String, RecordView> records = new ConcurrentHashMap<>();
    private final Map<String, ErasureView> erasures = new ConcurrentHashMap<>();

    @Override
    public void saveParty(DirectoryEntry entry) {
        parties.put(entry.partyId(), entry);
    }

    @Override
    public void saveStandingGrants(OwnerGrants standing) {
        grants.put(standing.domain().id() + "/" + standing.ownerId(), standing);
    }

    @Override
    public void saveRecord(RecordView record) {
        records.merge(
                record.recordId(),
                record,
                (stored, next) -> next.stage().compareTo(stored.stage()) >= 0 ? next : stored);
    }

    @Override
    public void saveErasure(ErasureView erasure) {
        erasures.put(erasure.requestId(), erasure);
    }

    @Override
    public List<DirectoryEntry> parties() {
        return new ArrayList<>(parties.values());
    }

    @Override
    public List<OwnerGrants> standingGrants() {
        return new ArrayList<>(grants.values());
    }

    @Override
    public List<RecordView> records() {
        return new ArrayList<>(records.values());
    }

    @Override
    public List<ErasureView> erasures() {
        return new ArrayList<>(erasures.values());
    }
}
