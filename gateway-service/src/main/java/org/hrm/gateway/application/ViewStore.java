package org.hrm.gateway.application;

import java.util.List;
import org.hrm.contracts.authority.DirectoryEntry;

/**
 * Where the gateway's views outlive the topics they are built from: the party directory, each owner's standing
 * grants, every record's status and provenance, and every erasure with its receipt. The views write each change as it
 * happens and load everything at start, so a restart after the topics' retention has passed loses nothing.
 *
 * <p>Every write is an idempotent upsert keyed by the view's id (party id, owner and domain, record id, erasure
 * request id); a record's stage never moves back in the store, whichever replica writes last.
 */
public interface ViewStore {
    void saveParty(DirectoryEntry entry);

    void saveStandingGrants(OwnerGrants grants);

    void saveRecord(RecordView record);

    void saveErasure(ErasureView erasure);

    List<DirectoryEntry> parties();

    List<OwnerGrants> standingGrants();

    List<RecordView> records();

    List<ErasureView> erasures();

    /** A store that keeps nothing: for views whose tests do not restart them. */
    static ViewStore none() {
        return NoViewStore.INSTANCE;
    }
}
