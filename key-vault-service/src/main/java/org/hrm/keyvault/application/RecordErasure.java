package org.hrm.keyvault.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hrm.keyvault.domain.Erasure;
import org.hrm.keyvault.domain.ErasurePlan;
import org.hrm.keyvault.domain.ErasureRequest;
import org.hrm.keyvault.domain.ErasureRule;
import org.hrm.keyvault.domain.KeyHierarchy;
import org.hrm.keyvault.domain.Pseudonyms;
import org.hrm.keyvault.domain.RecordDomain;
import org.hrm.keyvault.domain.WrappedOwnerKey;
import org.hrm.keyvault.domain.WrappedRecordKey;

/**
 * Use case: erase by destroying keys. A request is planned from what is stored (one record: its K2 and the owner's
 * KEK, which is replaced by a fresh one, see {@link OwnerRekey}; all records: the owner's KEK and every K2 of theirs), the plan is stored under the request id before anything is deleted,
 * then {@link KeyDestruction} carries it out and confirms it. Only the request's domain is ever touched.
 *
 * <p>Idempotent and crash-safe without transactions: a request id has one plan, each step is a single-document
 * operation that can be repeated, and a request redelivered at any point resumes the stored plan and ends with the
 * same stored erasure, so the same KeysDestroyed is published again. Nothing is cached: the next seal or release
 * reads the stores and finds the keys gone.
 */
public final class RecordErasure {
    private final RecordKeyStore recordKeys;
    private final OwnerKeyStore ownerKeys;
    private final ErasableKeys erasable;
    private final ErasureStore erasures;
    private final ErasedRecords erased;
    private final KeyDestruction destruction;
    private final Pseudonyms pseudonyms;
    private final Clock clock;

    public RecordErasure(
            RecordKeyStore recordKeys,
            OwnerKeyStore ownerKeys,
            ErasableKeys erasable,
            ErasureStore erasures,
            ErasedRecords erased,
            KeyHierarchy hierarchy,
            Pseudonyms pseudonyms,
            Clock clock) {
        this.recordKeys = recordKeys;
        this.ownerKeys = ownerKeys;
        this.erasable = erasable;
        this.erasures = erasures;
        this.erased = erased;
        this.destruction = new KeyDestruction(recordKeys, ownerKeys, erasable, erasures, erased, hierarchy, clock);
        this.pseudonyms = pseudonyms;
        this.clock = clock;
    }

    /**
     * One outcome per request, in the order given. Store failures propagate, so the caller retries the batch: the
     * requests done so far answer again from their stored erasures.
     */
    public List<ErasureOutcome> erase(List<ErasureRequest> requests) {
        return requests.stream().map(this::erase).toList();
    }

    private ErasureOutcome erase(ErasureRequest request) {
        RecordDomain domain = request.domain();
        Erasure erasure = erasures.find(domain, request.requestId()).orElse(null);
        if (erasure == null) {
            ErasurePlan plan = plan(request);
            if (plan.refused()) {
                return new ErasureOutcome.Refused(request.requestId(), plan.refusal());
            }
            erasure = erasures.plan(domain, plan.erasure());
        }
        if (!erasure.answers(request)) {
            return new ErasureOutcome.Refused(request.requestId(), ErasureRule.requestIdReused(request.requestId()));
        }
        if (erasure.state() == Erasure.State.PLANNED) {
            erasure = destruction.destroy(erasure);
        }
        Map<String, byte[]> recordPseudonyms = new HashMap<>();
        String ownerId = erasure.ownerId();
        erasure.pseudonymVersions()
                .forEach(
                        (recordId, version) -> recordPseudonyms.put(recordId, pseudonyms.of(version, domain, ownerId)));
        return new ErasureOutcome.Destroyed(erasure, pseudonyms.of(domain, ownerId), recordPseudonyms);
    }

    private ErasurePlan plan(ErasureRequest request) {
        RecordDomain domain = request.domain();
        String ownerId = request.ownerId();
        // Millisecond precision, as stored: what is published must equal what is read back later.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (request.allRecords()) {
            WrappedOwnerKey kek = ownerKeys.findAll(domain, List.of(ownerId)).get(ownerId);
            return ErasureRule.planAll(request, kek, erasable.recordKeysOf(domain, ownerId), now);
        }
        String recordId = request.recordId();
        WrappedRecordKey stored = recordKeys.findAll(domain, List.of(recordId)).get(recordId);
        WrappedOwnerKey kek = ownerKeys.findAll(domain, List.of(ownerId)).get(ownerId);
        return ErasureRule.planOne(
                request, stored, erased.find(domain, List.of(recordId)).get(recordId), kek, now);
    }
}
