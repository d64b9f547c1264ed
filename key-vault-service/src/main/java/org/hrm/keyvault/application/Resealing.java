package org.hrm.keyvault.application;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hrm.keyvault.domain.KeyHierarchy;
import org.hrm.keyvault.domain.Pseudonyms;
import org.hrm.keyvault.domain.RecordDomain;
import org.hrm.keyvault.domain.SealingRule;
import org.hrm.keyvault.domain.WrappedRecordKey;

/**
 * Submissions whose record id is already stored: the same content is sealed again under the stored K2 with a fresh
 * nonce (the ledger writer dedupes by record id), different content is refused.
 */
final class Resealing {
    private final RecordKeyStore recordKeys;
    private final KeyHierarchy hierarchy;
    private final SealedRecords sealedRecords;
    private final Pseudonyms pseudonyms;

    Resealing(RecordKeyStore recordKeys, KeyHierarchy hierarchy, SealedRecords sealedRecords, Pseudonyms pseudonyms) {
        this.recordKeys = recordKeys;
        this.hierarchy = hierarchy;
        this.sealedRecords = sealedRecords;
        this.pseudonyms = pseudonyms;
    }

    void resealOrRefuse(
            RecordDomain domain, List<Pending> repeated, BatchOwnerKeys keks, Instant now, SealOutcome[] outcomes) {
        if (repeated.isEmpty()) {
            return;
        }
        Map<String, WrappedRecordKey> stored = recordKeys.findAll(
                domain, repeated.stream().map(Pending::recordId).toList());
        for (Pending pending : repeated) {
            WrappedRecordKey key = stored.get(pending.recordId());
            if (key == null) {
                throw new IllegalStateException("a record key vanished while sealing; the batch will be retried");
            }
            outcomes[pending.index()] = SealingRule.refusal(pending.submission(), pending.digest(), key)
                    .<SealOutcome>map(reason -> new SealOutcome.Refused(pending.recordId(), reason))
                    .orElseGet(() -> reseal(domain, pending, key, keks, now));
        }
    }

    private SealOutcome reseal(
            RecordDomain domain, Pending pending, WrappedRecordKey key, BatchOwnerKeys keks, Instant now) {
        Optional<BatchOwnerKeys.OwnerKek> kek = keks.find(key.ownerId(), key.kekId());
        if (kek.isEmpty()) {
            return new SealOutcome.Refused(pending.recordId(), SealingRule.keysDestroyed(pending.recordId()));
        }
        byte[] k2 = hierarchy.unwrapRecordKey(kek.get().key(), domain, key.ownerId(), key.recordId(), key.wrappedK2());
        try {
            // The same pseudonyms as the first seal, so the ledger writer's copy by record id is the same record.
            int pseudonymVersion =
                    key.pseudonymVersion() != null ? key.pseudonymVersion() : pseudonyms.currentVersion();
            return new SealOutcome.Sealed(sealedRecords.seal(pending.submission(), k2, now, pseudonymVersion));
        } finally {
            Arrays.fill(k2, (byte) 0);
        }
    }
}
