package org.hrm.keyvault.application;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.hrm.keyvault.domain.ErasedKey;
import org.hrm.keyvault.domain.Erasure;
import org.hrm.keyvault.domain.KeyHierarchy;
import org.hrm.keyvault.domain.RecordDomain;
import org.hrm.keyvault.domain.WrappedOwnerKey;
import org.hrm.keyvault.domain.WrappedRecordKey;

/**
 * Carries out a PLANNED erasure, every step repeatable: mark the records erased; for all records delete the KEK
 * and take in records sealed under it since planning, for one record delete its K2 and re-key the owner
 * ({@link OwnerRekey}); delete the K2s, read everything back, and only then mark it DESTROYED.
 */
final class KeyDestruction {
    private final RecordKeyStore recordKeys;
    private final OwnerKeyStore ownerKeys;
    private final ErasableKeys erasable;
    private final ErasureStore erasures;
    private final ErasedRecords erased;
    private final OwnerRekey rekey;
    private final Clock clock;

    KeyDestruction(
            RecordKeyStore recordKeys,
            OwnerKeyStore ownerKeys,
            ErasableKeys erasable,
            ErasureStore erasures,
            ErasedRecords erased,
            KeyHierarchy hierarchy,
            Clock clock) {
        this.recordKeys = recordKeys;
        this.ownerKeys = ownerKeys;
        this.erasable = erasable;
        this.erasures = erasures;
        this.erased = erased;
        this.rekey = new OwnerRekey(ownerKeys, erasable, hierarchy);
        this.clock = clock;
    }

    Erasure destroy(Erasure planned) {
        RecordDomain domain = planned.domain();
        // Markers first: from here on a replayed submission of these records is refused, never sealed afresh.
        mark(planned, planned.recordIds());
        Erasure erasure = planned;
        Optional<ErasedKey> kek = planned.kek();
        if (!planned.allRecords()) {
            // One record: its K2 goes first, so it is never re-wrapped, then the owner gets a fresh KEK.
            erasable.deleteRecordKeys(domain, planned.ownerId(), planned.k2RecordIds());
            kek.ifPresent(old -> rekey.rekey(
                    domain,
                    planned.ownerId(),
                    old.keyId(),
                    planned.recordIds(),
                    clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        } else if (kek.isPresent()) {
            erasable.deleteOwnerKey(domain, planned.ownerId(), kek.get().keyId());
            erasure = takeInLateRecords(erasure);
        }
        erasable.deleteRecordKeys(domain, erasure.ownerId(), erasure.k2RecordIds());
        confirmDestroyed(erasure);
        return erasures.markDestroyed(
                domain, erasure.requestId(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }

    /**
     * Records sealed for the owner between planning and the KEK's deletion were wrapped under the destroyed KEK:
     * they are dead, so they join this erasure (and get their tombstones). A seal that inserts its K2 after this
     * read finds the KEK gone when it checks, and is refused on retry (see RecordSealing). Records under the
     * owner's new KEK, created after the deletion, are new records and stay.
     */
    private Erasure takeInLateRecords(Erasure erasure) {
        RecordDomain domain = erasure.domain();
        WrappedOwnerKey current =
                ownerKeys.findAll(domain, List.of(erasure.ownerId())).get(erasure.ownerId());
        List<WrappedRecordKey> lateKeys = erasable.recordKeysOf(domain, erasure.ownerId()).stream()
                .filter(key -> current == null || !key.kekId().equals(current.kekId()))
                .filter(key -> !erasure.recordIds().contains(key.recordId()))
                .toList();
        List<String> late =
                lateKeys.stream().map(WrappedRecordKey::recordId).sorted().toList();
        if (late.isEmpty()) {
            return erasure;
        }
        mark(erasure, late);
        return erasures.extend(domain, erasure.requestId(), late, Erasure.pseudonymVersionsOf(lateKeys));
    }

    /** Reads back: every planned K2 and the KEK absent, every record marked; otherwise the batch is retried. */
    private void confirmDestroyed(Erasure erasure) {
        RecordDomain domain = erasure.domain();
        boolean k2sGone = recordKeys.findAll(domain, erasure.k2RecordIds()).isEmpty();
        WrappedOwnerKey owner =
                ownerKeys.findAll(domain, List.of(erasure.ownerId())).get(erasure.ownerId());
        boolean kekGone = erasure.kek()
                .map(kek -> owner == null || !owner.kekId().equals(kek.keyId()))
                .orElse(true);
        boolean marked = erased.find(domain, erasure.recordIds()).keySet().containsAll(erasure.recordIds());
        if (!k2sGone || !kekGone || !marked) {
            throw new IllegalStateException("keys of erasure " + erasure.requestId()
                    + " are not confirmed destroyed (K2s gone " + k2sGone + ", KEK gone " + kekGone
                    + ", records marked " + marked + "); the batch will be retried");
        }
    }

    private void mark(Erasure erasure, List<String> recordIds) {
        if (!recordIds.isEmpty()) {
            erased.mark(
                    erasure.domain(),
                    erasure.ownerId(),
                    erasure.requestId(),
                    recordIds,
                    clock.instant().truncatedTo(ChronoUnit.MILLIS));
        }
    }
}
