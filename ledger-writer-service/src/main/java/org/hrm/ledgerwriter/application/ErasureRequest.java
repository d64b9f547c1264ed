package org.hrm.ledgerwriter.application;

import java.time.Instant;
import java.util.List;
import org.hrm.contracts.Domain;
import org.hrm.ledgerwriter.domain.RecordTombstone;

/**
 * The tombstones one KeysDestroyed asks for: the erasure request, its owner, the records whose keys are
 * gone (none for an owner with nothing to erase) and when they went.
 */
public record ErasureRequest(
        String requestId, Domain domain, String ownerId, List<RecordTombstone> tombstones, Instant destroyedAt) {
    public ErasureRequest {
        tombstones = List.copyOf(tombstones);
    }

    /** The erased record ids in request order, each once. */
    public List<String> recordIds() {
        return tombstones.stream().map(RecordTombstone::recordId).distinct().toList();
    }
}
