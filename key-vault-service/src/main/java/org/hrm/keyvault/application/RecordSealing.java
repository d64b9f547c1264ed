package org.hrm.keyvault.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hrm.keyvault.domain.KeyHierarchy;
import org.hrm.keyvault.domain.OuterLayer;
import org.hrm.keyvault.domain.Pseudonyms;
import org.hrm.keyvault.domain.RecordDomain;
import org.hrm.keyvault.domain.SealingRule;
import org.hrm.keyvault.domain.StoredOwnerKeys;
import org.hrm.keyvault.domain.Submission;
import org.hrm.keyvault.domain.WrappedRecordKey;

/**
 * Use case: seal a batch of submissions. New records get a fresh K2 each, wrapped under the owner's KEK and stored
 * in one bulk insert per domain; known records are sealed again or refused by {@link Resealing}; erased records
 * are refused (an erased record stays erased).
 *
 * <p>Nothing is cached across calls. Store failures propagate, so the caller retries the whole batch; retrying is
 * safe because every write is an insert on a unique id and repeats are sealed again from what is stored.
 */
public final class RecordSealing {
    private final RecordKeyStore recordKeys;
    private final OwnerKeyStore ownerKeys;
    private final ErasedRecords erased;
    private final KeyHierarchy hierarchy;
    private final OuterLayer outerLayer;
    private final SealedRecords sealedRecords;
    private final Resealing resealing;
    private final Pseudonyms pseudonyms;
    private final Clock clock;

    public RecordSealing(
            RecordKeyStore recordKeys,
            OwnerKeyStore ownerKeys,
            ErasedRecords erased,
            KeyHierarchy hierarchy,
            OuterLayer outerLayer,
            Pseudonyms pseudonyms,
            Clock clock) {
        this.recordKeys = recordKeys;
        this.ownerKeys = ownerKeys;
        this.erased = erased;
        this.hierarchy = hierarchy;
        this.outerLayer = outerLayer;
        this.sealedRecords = new SealedRecords(outerLayer, pseudonyms);
        this.resealing = new Resealing(recordKeys, hierarchy, sealedRecords, pseudonyms);
        this.pseudonyms = pseudonyms;
        this.clock = clock;
    }

    /** Seals a batch; one outcome per submission, in the order given. */
    public List<SealOutcome> seal(List<Submission> submissions) {
        SealOutcome[] outcomes = new SealOutcome[submissions.size()];
        for (RecordDomain domain : RecordDomain.values()) {
            List<Pending> pending = new ArrayList<>();
            for (int i = 0; i < submissions.size(); i++) {
                Submission submission = submissions.get(i);
                if (submission.domain() == domain) {
                    pending.add(new Pending(i, submission, submission.digest()));
                }
            }
            if (!pending.isEmpty()) {
                sealDomain(domain, pending, outcomes);
            }
        }
        return List.of(outcomes);
    }

    private void sealDomain(RecordDomain domain, List<Pending> pending, SealOutcome[] outcomes) {
        Instant now = clock.instant();
        List<String> recordIds = pending.stream().map(Pending::recordId).toList();
        Set<String> erasedIds = erased.find(domain, recordIds).keySet();
        Set<String> stored = recordKeys.findAll(domain, recordIds).keySet();
        Set<String> firstSeen = new HashSet<>();
        List<Pending> fresh = new ArrayList<>();
        List<Pending> repeated = new ArrayList<>();
        for (Pending each : pending) {
            if (erasedIds.contains(each.recordId())) {
                outcomes[each.index()] = new SealOutcome.Refused(each.recordId(), SealingRule.erased(each.recordId()));
                continue;
            }
            boolean isNew = !stored.contains(each.recordId()) && firstSeen.add(each.recordId());
            (isNew ? fresh : repeated).add(each);
        }
        try (BatchOwnerKeys keks = new BatchOwnerKeys(domain, ownerKeys, hierarchy)) {
            Set<String> lostRaces = sealFresh(domain, fresh, keks, now, outcomes);
            fresh.stream().filter(each -> lostRaces.contains(each.recordId())).forEach(repeated::add);
            resealing.resealOrRefuse(domain, repeated, keks, now, outcomes);
        }
    }

    private Set<String> sealFresh(
            RecordDomain domain, List<Pending> fresh, BatchOwnerKeys keks, Instant now, SealOutcome[] outcomes) {
        if (fresh.isEmpty()) {
            return Set.of();
        }
        keks.loadOrCreate(fresh.stream().map(Pending::ownerId).toList(), now);
        List<WrappedRecordKey> keys = new ArrayList<>(fresh.size());
        // One version for the batch: what the ledger entry names the owner under is what the key records.
        int pseudonymVersion = pseudonyms.currentVersion();
        for (Pending each : fresh) {
            BatchOwnerKeys.OwnerKek kek = keks.get(each.ownerId());
            byte[] k2 = outerLayer.newRecordKey(each.recordId());
            try {
                byte[] wrapped = hierarchy.wrapRecordKey(kek.key(), domain, each.ownerId(), each.recordId(), k2);
                keys.add(new WrappedRecordKey(
                        each.recordId(),
                        each.ownerId(),
                        kek.kekId(),
                        wrapped,
                        each.digest(),
                        now,
                        each.submission().provenance(),
                        pseudonymVersion));
                outcomes[each.index()] =
                        new SealOutcome.Sealed(sealedRecords.seal(each.submission(), k2, now, pseudonymVersion));
            } finally {
                Arrays.fill(k2, (byte) 0);
            }
        }
        Set<String> lostRaces = recordKeys.insertNew(domain, keys);
        confirmOwnerKeysStand(domain, fresh, keks);
        return lostRaces;
    }

    /**
     * An erasure of all of an owner's records may have deleted the KEK this batch just wrapped under. Checking
     * after the insert closes the gap: either the erasure, reading the owner's keys after deleting the KEK, sees
     * the new K2 and erases the record with the rest, or this check sees the KEK gone and the batch is retried,
     * when the record is refused (its keys were destroyed) instead of published. The same holds for the KEK a
     * single-record erasure replaces: new records are sealed under the staged KEK, and one sealed under the old
     * KEK is either re-wrapped by the re-key or caught here once the old KEK is gone.
     */
    private void confirmOwnerKeysStand(RecordDomain domain, List<Pending> fresh, BatchOwnerKeys keks) {
        Set<String> owners = new HashSet<>();
        fresh.forEach(each -> owners.add(each.ownerId()));
        Map<String, StoredOwnerKeys> stored = ownerKeys.findWithPending(domain, owners);
        for (String ownerId : owners) {
            StoredOwnerKeys now = stored.get(ownerId);
            if (now == null || now.named(keks.get(ownerId).kekId()).isEmpty()) {
                throw new IllegalStateException(
                        "an owner key was destroyed while this batch was sealed; the batch will be retried");
            }
        }
    }
}
