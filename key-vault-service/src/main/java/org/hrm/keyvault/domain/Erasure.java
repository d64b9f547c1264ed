package org.hrm.keyvault.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One erasure request as the vault keeps it: the records and keys to destroy, fixed before anything is deleted,
 * and how far it got. PLANNED, then DESTROYED once every key is confirmed gone, then RECEIPTED once the signed
 * receipt is issued; a redelivered request resumes from here and always answers with the same content.
 *
 * @param requestedRecordId the one record asked for, or null when all of the owner's records in the domain are
 * @param destroyedAt set once DESTROYED
 * @param receipt set once RECEIPTED
 * @param pseudonymVersions per record, the pseudonym key version its ledger entry names the owner under, read from
 *     its stored key when planned (the key is deleted after): its tombstone names the owner the same way, so no
 *     tombstone links an old pseudonym to a newer one on chain. A record sealed before the vault kept the version has
 *     none here, and its tombstone names the owner's newest pseudonym.
 */
public record Erasure(
        String requestId,
        RecordDomain domain,
        String ownerId,
        String requestedRecordId,
        List<String> recordIds,
        List<ErasedKey> keys,
        State state,
        Instant plannedAt,
        Instant destroyedAt,
        IssuedReceipt receipt,
        Map<String, Integer> pseudonymVersions) {

    /** How far an erasure got; each step is one single-document update. */
    public enum State {
        PLANNED,
        DESTROYED,
        RECEIPTED
    }

    public Erasure {
        recordIds = List.copyOf(recordIds);
        keys = List.copyOf(keys);
        pseudonymVersions = pseudonymVersions == null ? Map.of() : Map.copyOf(pseudonymVersions);
    }

    /** An erasure without pseudonym versions (its records' tombstones name the owner's newest pseudonym). */
    public Erasure(
            String requestId,
            RecordDomain domain,
            String ownerId,
            String requestedRecordId,
            List<String> recordIds,
            List<ErasedKey> keys,
            State state,
            Instant plannedAt,
            Instant destroyedAt,
            IssuedReceipt receipt) {
        this(
                requestId,
                domain,
                ownerId,
                requestedRecordId,
                recordIds,
                keys,
                state,
                plannedAt,
                destroyedAt,
                receipt,
                Map.of());
    }

    static Erasure planned(
            ErasureRequest request,
            List<String> recordIds,
            List<ErasedKey> keys,
            Instant now,
            Map<String, Integer> pseudonymVersions) {
        return new Erasure(
                request.requestId(),
                request.domain(),
                request.ownerId(),
                request.recordId(),
                recordIds,
                keys,
                State.PLANNED,
                now,
                null,
                null,
                pseudonymVersions);
    }

    /** The pseudonym key versions of these stored keys' ledger entries, by record id (where known). */
    public static Map<String, Integer> pseudonymVersionsOf(Collection<WrappedRecordKey> keys) {
        Map<String, Integer> versions = new HashMap<>();
        keys.stream()
                .filter(key -> key.pseudonymVersion() != null)
                .forEach(key -> versions.put(key.recordId(), key.pseudonymVersion()));
        return versions;
    }

    public boolean allRecords() {
        return requestedRecordId == null;
    }

    /**
     * The owner KEK this erasure destroys, when the owner had one: deleted when all of their records are erased,
     * replaced by a fresh KEK (the owner re-keyed) when one record is.
     */
    public Optional<ErasedKey> kek() {
        return keys.stream().filter(ErasedKey::isKek).findFirst();
    }

    /** The records whose wrapped K2 this erasure deletes. */
    public List<String> k2RecordIds() {
        return keys.stream()
                .filter(key -> !key.isKek())
                .map(ErasedKey::recordId)
                .toList();
    }

    /** Whether {@code request} is this erasure asked again (same owner, same scope), not another under its id. */
    public boolean answers(ErasureRequest request) {
        return domain == request.domain()
                && ownerId.equals(request.ownerId())
                && Objects.equals(requestedRecordId, request.recordId());
    }

    /**
     * This plan with records found under the destroyed KEK after it was planned (sealed meanwhile), and the pseudonym
     * versions of their ledger entries where known.
     */
    public Erasure with(List<String> moreRecordIds, Map<String, Integer> morePseudonymVersions) {
        Map<String, Integer> versions = new HashMap<>(pseudonymVersions);
        versions.putAll(morePseudonymVersions);
        List<String> records = new ArrayList<>(recordIds);
        List<ErasedKey> more = new ArrayList<>(keys);
        for (String recordId : moreRecordIds) {
            if (!records.contains(recordId)) {
                records.add(recordId);
                more.add(ErasedKey.k2(recordId));
            }
        }
        return new Erasure(
                requestId,
                domain,
                ownerId,
                requestedRecordId,
                records,
                more,
                state,
                plannedAt,
                destroyedAt,
                receipt,
                versions);
    }
}
