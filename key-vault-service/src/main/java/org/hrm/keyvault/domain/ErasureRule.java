package org.hrm.keyvault.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * How an erasure request becomes a plan, computed from what is stored before anything is deleted, and when a
 * commit may be receipted. Only the requesting owner's keys in the request's domain are ever planned.
 */
public final class ErasureRule {
    private ErasureRule() {}

    /**
     * One record: its K2 and, when the record is stored, the owner's current KEK. Deleting K2 kills the record in
     * the live vault; a backup still holds the wrapped K2 under that KEK. So the owner is re-keyed: every other K2
     * of theirs is re-wrapped under a fresh KEK and the old KEK is destroyed, and once the master key version the
     * backup's copy of the old KEK is wrapped under is retired, the backup's K2 unwraps under nothing the vault
     * holds. A record already erased (by this owner, under another request id) is answered again with nothing left
     * to destroy; a record of another owner, or one the vault never sealed, is refused.
     *
     * @param stored the record's stored key, or null
     * @param erasedOwner the owner named by the record's erased marker, or null
     * @param kek the owner's stored KEK, or null
     */
    public static ErasurePlan planOne(
            ErasureRequest request, WrappedRecordKey stored, String erasedOwner, WrappedOwnerKey kek, Instant now) {
        String recordId = request.recordId();
        String owner = stored != null ? stored.ownerId() : erasedOwner;
        if (owner == null) {
            return ErasurePlan.refused("no record " + recordId + " in domain " + domainId(request.domain()));
        }
        if (!owner.equals(request.ownerId())) {
            return ErasurePlan.refused("record " + recordId + " is not owned by " + request.ownerId());
        }
        List<ErasedKey> keys = new ArrayList<>();
        if (stored != null) {
            if (kek != null && kek.ownerId().equals(owner)) {
                keys.add(ErasedKey.kek(kek));
            }
            keys.add(ErasedKey.k2(recordId));
        }
        return ErasurePlan.of(Erasure.planned(
                request,
                List.of(recordId),
                keys,
                now,
                stored == null ? Map.of() : Erasure.pseudonymVersionsOf(List.of(stored))));
    }

    /**
     * All of the owner's records in the domain: their KEK (if they have one) and every K2 stored for them. Records
     * sealed for the owner after this erasure get a new KEK: they are new records, and this erasure does not
     * reach them.
     *
     * @param kek the owner's stored KEK, or null
     */
    public static ErasurePlan planAll(
            ErasureRequest request, WrappedOwnerKey kek, List<WrappedRecordKey> recordKeys, Instant now) {
        List<WrappedRecordKey> owned = recordKeys.stream()
                .filter(key -> key.ownerId().equals(request.ownerId()))
                .toList();
        List<String> recordIds = owned.stream()
                .map(WrappedRecordKey::recordId)
                .sorted(Comparator.naturalOrder())
                .toList();
        List<ErasedKey> keys = new ArrayList<>();
        if (kek != null && kek.ownerId().equals(request.ownerId())) {
            keys.add(ErasedKey.kek(kek));
        }
        recordIds.forEach(recordId -> keys.add(ErasedKey.k2(recordId)));
        return ErasurePlan.of(Erasure.planned(request, recordIds, keys, now, Erasure.pseudonymVersionsOf(owned)));
    }

    /** Why a commit cannot be receipted against this erasure, or empty when it can. */
    public static Optional<String> receiptRefusal(Erasure erasure, ErasureCommit commit) {
        if (erasure.state() == Erasure.State.PLANNED) {
            return Optional.of("keys of erasure " + erasure.requestId() + " are not destroyed yet");
        }
        if (!erasure.ownerId().equals(commit.ownerId())) {
            return Optional.of("erasure " + erasure.requestId() + " is not of owner " + commit.ownerId());
        }
        Set<String> unknown = commit.tombstones().stream()
                .map(LedgerTombstone::recordId)
                .filter(recordId -> !erasure.recordIds().contains(recordId))
                .collect(Collectors.toCollection(TreeSet::new));
        if (!unknown.isEmpty()) {
            return Optional.of("tombstones for records erasure " + erasure.requestId() + " did not erase: " + unknown);
        }
        return Optional.empty();
    }

    public static String requestIdReused(String requestId) {
        return "request id " + requestId + " already names another erasure";
    }

    private static String domainId(RecordDomain domain) {
        return domain.name().toLowerCase(Locale.ROOT);
    }
}
