package org.hrm.keyvault.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hrm.keyvault.domain.Erasure;
import org.hrm.keyvault.domain.IssuedReceipt;
import org.hrm.keyvault.domain.RecordDomain;

/**
 * Port: one domain's erasures, one document per request id. Every change is a single-document operation
 * conditional on the state it leaves, and returns what is stored afterwards, so a lost race reads the winner.
 */
public interface ErasureStore {
    Optional<Erasure> find(RecordDomain domain, String requestId);

    /** Stores the plan unless the request id has one already; returns the stored erasure either way. */
    Erasure plan(RecordDomain domain, Erasure planned);

    /**
     * Adds records (and their K2s, and the pseudonym versions of their ledger entries where known) to an erasure
     * while it is PLANNED; returns the stored erasure.
     */
    Erasure extend(
            RecordDomain domain, String requestId, List<String> recordIds, Map<String, Integer> pseudonymVersions);

    /** Adds records without known pseudonym versions; see the long form. */
    default Erasure extend(RecordDomain domain, String requestId, List<String> recordIds) {
        return extend(domain, requestId, recordIds, Map.of());
    }

    /** PLANNED to DESTROYED at {@code destroyedAt}; returns the stored erasure (the first destroyedAt wins). */
    Erasure markDestroyed(RecordDomain domain, String requestId, Instant destroyedAt);

    /** DESTROYED to RECEIPTED with the receipt; returns the stored erasure (the first receipt wins). */
    Erasure markReceipted(RecordDomain domain, String requestId, IssuedReceipt receipt);
}
