package org.hrm.keyvault.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.hrm.keyvault.domain.KeyHierarchy;
import org.hrm.keyvault.domain.RecordDomain;
import org.hrm.keyvault.domain.StoredOwnerKeys;
import org.hrm.keyvault.domain.WrappedOwnerKey;
import org.hrm.keyvault.domain.WrappedRecordKey;

/**
 * Replaces an owner's KEK by a fresh one after one of their records is erased, so a backup's wrapped K2 of that
 * record is left under a KEK that exists only in backups (wrapped under master key versions that get retired).
 *
 * <p>Crash-safe and idempotent with single-document updates only: the new KEK is staged beside the old one in the
 * owner's document (the first staged wins), each remaining K2 is re-wrapped with an update conditional on it still
 * naming the old KEK, then the document switches to the new KEK (conditional on still holding the old one with that
 * new one staged), which destroys the old KEK. Readers use whichever KEK a record key names, and new records are
 * sealed under the staged KEK, so every record stays readable throughout. A rerun resumes from what is stored.
 */
final class OwnerRekey {
    /** Passes over the owner's record keys before giving up (the batch is then retried). */
    private static final int MAX_PASSES = 8;

    private final OwnerKeyStore ownerKeys;
    private final ErasableKeys erasable;
    private final KeyHierarchy hierarchy;

    OwnerRekey(OwnerKeyStore ownerKeys, ErasableKeys erasable, KeyHierarchy hierarchy) {
        this.ownerKeys = ownerKeys;
        this.erasable = erasable;
        this.hierarchy = hierarchy;
    }

    /**
     * Re-keys the owner away from {@code oldKekId}, leaving out {@code erasedRecordIds} (their K2s are deleted
     * before); nothing to do when the owner's KEK is already another one (switched before, or deleted).
     */
    void rekey(RecordDomain domain, String ownerId, String oldKekId, Collection<String> erasedRecordIds, Instant now) {
        StoredOwnerKeys stored = read(domain, ownerId);
        if (stored == null || !stored.current().kekId().equals(oldKekId)) {
            return;
        }
        if (stored.pending() == null) {
            byte[] fresh = hierarchy.newOwnerKey();
            try {
                erasable.stagePendingOwnerKey(
                        domain, ownerId, oldKekId, hierarchy.wrapOwnerKey(domain, ownerId, fresh, now));
            } finally {
                Arrays.fill(fresh, (byte) 0);
            }
            stored = read(domain, ownerId);
            if (stored == null || !stored.current().kekId().equals(oldKekId)) {
                return;
            }
            if (stored.pending() == null) {
                throw new IllegalStateException("the new owner key was not staged; the batch will be retried");
            }
        }
        WrappedOwnerKey pending = stored.pending();
        byte[] oldKek = hierarchy.unwrapOwnerKey(domain, stored.current());
        byte[] newKek = null;
        try {
            newKek = hierarchy.unwrapOwnerKey(domain, pending);
            rewrapAll(domain, ownerId, oldKekId, erasedRecordIds, oldKek, pending.kekId(), newKek);
            erasable.switchOwnerKey(domain, ownerId, oldKekId, pending);
        } finally {
            Arrays.fill(oldKek, (byte) 0);
            if (newKek != null) {
                Arrays.fill(newKek, (byte) 0);
            }
        }
    }

    /** Until no K2 of the owner (but the erased ones) names the old KEK; a seal racing the staging is caught up. */
    private void rewrapAll(
            RecordDomain domain,
            String ownerId,
            String oldKekId,
            Collection<String> erasedRecordIds,
            byte[] oldKek,
            String newKekId,
            byte[] newKek) {
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            List<WrappedRecordKey> left = erasable.recordKeysOf(domain, ownerId).stream()
                    .filter(key -> key.kekId().equals(oldKekId))
                    .filter(key -> !erasedRecordIds.contains(key.recordId()))
                    .toList();
            if (left.isEmpty()) {
                return;
            }
            List<ErasableKeys.Rewrapped> rewrapped = new ArrayList<>(left.size());
            for (WrappedRecordKey key : left) {
                byte[] k2 = hierarchy.unwrapRecordKey(oldKek, domain, ownerId, key.recordId(), key.wrappedK2());
                try {
                    rewrapped.add(new ErasableKeys.Rewrapped(
                            key, newKekId, hierarchy.wrapRecordKey(newKek, domain, ownerId, key.recordId(), k2)));
                } finally {
                    Arrays.fill(k2, (byte) 0);
                }
            }
            erasable.rewrapRecordKeys(domain, rewrapped);
        }
        throw new IllegalStateException(
                "record keys of an owner being re-keyed kept changing; the batch will be retried");
    }

    private StoredOwnerKeys read(RecordDomain domain, String ownerId) {
        return ownerKeys.findWithPending(domain, List.of(ownerId)).get(ownerId);
    }
}
