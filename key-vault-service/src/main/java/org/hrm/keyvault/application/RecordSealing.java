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
        confirmOwnerKeysStand(
                domain,
                keys.stream().filter(key -> !lostRaces.contains(key.recordId())).toList());
        return lostRaces;
    }

    /**
     * An erasure may have destroyed the KEK this batch just wrapped under; checking after the insert closes the gap.
     * Either the erasure, reading the owner's keys after the insert, took the new K2 in (an erasure of all records
     * erases it with the rest; a single-record erasure's re-key re-wraps it under the owner's new KEK), or this check
     * sees the KEK gone and the batch is retried, since nothing of it was published yet.
     *
     * <p>Before that retry, the K2s this batch inserted for an owner whose KEK was replaced by a re-key (the owner
     * still has a KEK, another one) are withdrawn, so the retry seals those records afresh under the new KEK: a
     * single-record erasure of one record must not cost the owner's other records submitted meanwhile (the chaos run
     * at 200 records/s lost 168 that way: kept, they were refused on the retry as "keys destroyed"). When the owner
     * has no KEK left, an erasure of all their records destroyed it: those K2s stay, and the retry refuses the
     * records (decision 0051).
     */
    private void confirmOwnerKeysStand(RecordDomain domain, List<WrappedRecordKey> inserted) {
        Set<String> owners = new HashSet<>();
        inserted.forEach(key -> owners.add(key.ownerId()));
        Map<String, StoredOwnerKeys> stored = ownerKeys.findWithPending(domain, owners);
        Set<String> destroyed = new HashSet<>();
        Set<String> replaced = new HashSet<>();
        for (WrappedRecordKey key : inserted) {
            StoredOwnerKeys now = stored.get(key.ownerId());
            if (now == null) {
                destroyed.add(key.ownerId());
            } else if (now.named(key.kekId()).isEmpty()) {
                replaced.add(key.ownerId());
            }
        }
        if (destroyed.isEmpty() && replaced.isEmpty()) {
            return;
        }
        recordKeys.withdraw(
                domain,
                inserted.stream()
                        .filter(key -> replaced.contains(key.ownerId()))
                        .toList());
        throw new IllegalStateException(
                "an owner key was destroyed while this batch was sealed; the batch will be retried");
    }
}
