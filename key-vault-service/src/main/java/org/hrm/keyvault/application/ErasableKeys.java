package org.hrm.keyvault.application;

import java.util.Collection;
import java.util.List;
import org.hrm.keyvault.domain.RecordDomain;
import org.hrm.keyvault.domain.WrappedOwnerKey;
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

    /**
     * Stores {@code pending} beside the owner's KEK, only if that KEK is still {@code currentKekId} and no pending
     * KEK is stored yet (the first one staged wins; the caller reads back which).
     */
    void stagePendingOwnerKey(RecordDomain domain, String ownerId, String currentKekId, WrappedOwnerKey pending);

    /**
     * Replaces each record's wrapped K2 and kek id, only where it is still wrapped under its {@code stored} kek id;
     * returns how many were replaced. One round trip for all of them: an owner may hold thousands of records, and a
     * re-key re-wraps every one (one update each took seconds per erasure under load).
     */
    int rewrapRecordKeys(RecordDomain domain, List<Rewrapped> keys);

    /** A record key re-wrapped under the KEK {@code newKekId}, to replace {@code stored}. */
    record Rewrapped(WrappedRecordKey stored, String newKekId, byte[] wrappedK2) {}

    /**
     * Makes the pending KEK the owner's KEK and drops the old one, only if the document still holds
     * {@code oldKekId} with {@code pending} staged beside it.
     */
    void switchOwnerKey(RecordDomain domain, String ownerId, String oldKekId, WrappedOwnerKey pending);
}
