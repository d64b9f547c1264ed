package org.hrm.contracts.authority;

import java.util.Optional;

/** Where a service keeps its verified party directory: one entry per party, its key history inside. */
public interface DirectoryStore {
    Optional<DirectoryEntry> find(String partyId);

    /** Stores {@code entry} as the party's entry, replacing any earlier one. */
    void save(DirectoryEntry entry);
}
