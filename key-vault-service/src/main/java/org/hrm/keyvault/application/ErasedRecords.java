package org.hrm.keyvault.application;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import org.hrm.keyvault.domain.RecordDomain;

/**
 * Port: the markers of erased records of one domain, one per record id, kept for good so an erased record stays
 * erased (a replayed submission is refused, a release answers "record erased"). Holds no key.
 */
public interface ErasedRecords {
    /** The erased among {@code recordIds}, each with the owner it was erased for. */
    Map<String, String> find(RecordDomain domain, Collection<String> recordIds);

    /** Marks these records erased for {@code ownerId} by {@code requestId}; marking again changes nothing. */
    void mark(RecordDomain domain, String ownerId, String requestId, Collection<String> recordIds, Instant at);
}
