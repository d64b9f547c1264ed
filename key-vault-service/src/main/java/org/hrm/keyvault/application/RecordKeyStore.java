package org.hrm.keyvault.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hrm.keyvault.domain.RecordDomain;
import org.hrm.keyvault.domain.WrappedRecordKey;

/** Port: the wrapped record keys of one domain, keyed by record id. */
public interface RecordKeyStore {
    /** The stored keys among {@code recordIds}, by record id. */
    Map<String, WrappedRecordKey> findAll(RecordDomain domain, Collection<String> recordIds);

    /** Inserts each key whose record id is not stored yet; returns the record ids that already were. */
    Set<String> insertNew(RecordDomain domain, List<WrappedRecordKey> keys);

    /**
     * Deletes keys this vault inserted and never published (a batch that is about to be retried), each only if it is
     * still wrapped under the KEK it was inserted with: a re-key that caught it up has made it readable again.
     */
    void withdraw(RecordDomain domain, Collection<WrappedRecordKey> keys);
}
