package org.hrm.keyvault.application;

import java.util.Collection;
import java.util.List;
import org.hrm.keyvault.domain.RecordDomain;
import org.hrm.keyvault.domain.WrappedRecordKey;

/**
 * Port: what erasure needs from one domain's key collections. Deletes are filtered by owner (and kek id), so a
 * wrong id can never reach another owner's keys, and are idempotent.
 */
public interface ErasableKeys {
    /** Every record key stored for the owner in this domain. */
    List<WrappedRecordKey> recordKeysOf(RecordDomain domain, String ownerId);

    /** Deletes the wrapped K2s of these records of the owner. */
    void deleteRecordKeys(RecordDomain domain, String ownerId, Collection<String> recordIds);

    /** Deletes the owner's KEK if it is still the one named {@code kekId}. */
    void deleteOwnerKey(RecordDomain domain, String ownerId, String kekId);
}
