package org.hrm.consent.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hrm.consent.domain.RecordDomain;
import org.hrm.consent.domain.RecordEntry;

/** Port: one domain's record index (record id to owner, author, category and erasure). */
public interface RecordIndex {
    /** The indexed records among {@code recordIds} in this domain only, by record id. */
    Map<String, RecordEntry> findAll(RecordDomain domain, Collection<String> recordIds);

    /** Inserts each entry whose record id is not indexed yet; returns the record ids that already were. */
    Set<String> insertNew(RecordDomain domain, List<RecordEntry> entries);

    /**
     * Marks the record of {@code erased} (an entry erased before it was indexed) with its erasure in its domain, or
     * stores the entry as it is when the record is not indexed yet; a record erased already keeps its first
     * erasure. Single-document writes, so it can be repeated.
     */
    void markErased(RecordEntry erased);
}
