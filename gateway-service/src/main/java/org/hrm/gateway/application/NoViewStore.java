package org.hrm.gateway.application;

import java.util.List;
import org.hrm.contracts.authority.DirectoryEntry;

/** {@link ViewStore#none()}: keeps nothing, loads nothing. */
enum NoViewStore implements ViewStore {
    INSTANCE;

    @Override
    public void saveParty(DirectoryEntry entry) {}

    @Override
    public void saveStandingGrants(OwnerGrants grants) {}

    @Override
    public void saveRecord(RecordView record) {}

    @Override
    public void saveErasure(ErasureView erasure) {}

    @Override
    public List<DirectoryEntry> parties() {
        return List.of();
    }

    @Override
    public List<OwnerGrants> standingGrants() {
        return List.of();
    }

    @Override
    public List<RecordView> records() {
        return List.of();
    }

    @Override
    public List<ErasureView> erasures() {
        return List.of();
    }
}
