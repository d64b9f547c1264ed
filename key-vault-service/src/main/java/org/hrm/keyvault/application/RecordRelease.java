package org.hrm.keyvault.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hrm.keyvault.domain.CiphertextRejectedException;
import org.hrm.keyvault.domain.ConsentKey;
import org.hrm.keyvault.domain.DecisionUse;
import org.hrm.keyvault.domain.LedgerEntry;
import org.hrm.keyvault.domain.Pseudonyms;
import org.hrm.keyvault.domain.RecordDomain;
import org.hrm.keyvault.domain.ReleaseDecision;
import org.hrm.keyvault.domain.ReleaseRule;
import org.hrm.keyvault.domain.WrappedRecordKey;

/**
 * Use case: act on a batch of consent-service's decisions. Each must verify under consent's key, be allowed and
 * unexpired; it is then marked used (RELEASING) before the chain is read, C2 and the share holder's key share are
 * taken from the record's log, and the outer layer is removed. The caller publishes the outcomes, then
 * {@link #settle settles} the marks.
 *
 * <p>Nothing is cached: every release reads the chain and unwraps the keys again (zeroed by
 * {@link OuterDecryption}), so erasure and revocation take effect at the next decision. An erased record (marked,
 * or its keys gone) is denied with exactly {@link ReleaseRule#ERASED}, never a decryption error.
 */
public final class RecordRelease {
    private final ConsentKey consent;
    private final UsedDecisions usedDecisions;
    private final ErasedRecords erased;
    private final LedgerReader ledger;
    private final ShareLookup shares;
    private final OuterDecryption outerDecryption;
    private final Clock clock;

    public RecordRelease(
            ConsentKey consent,
            UsedDecisions usedDecisions,
            ErasedRecords erased,
            LedgerReader ledger,
            OuterDecryption outerDecryption,
            Pseudonyms pseudonyms,
            Clock clock) {
        this.consent = consent;
        this.usedDecisions = usedDecisions;
        this.erased = erased;
        this.ledger = ledger;
        this.shares = new ShareLookup(ledger, pseudonyms);
        this.outerDecryption = outerDecryption;
        this.clock = clock;
    }

    /**
     * One outcome per decision, in the order given. Store and chain failures propagate, so the caller retries the
     * batch: the marks claimed so far are RELEASING and the same decisions resume them.
     */
    public List<ReleaseOutcome> release(List<ReleaseDecision> decisions) {
        Instant now = clock.instant();
        ReleaseOutcome[] outcomes = new ReleaseOutcome[decisions.size()];
        for (RecordDomain domain : RecordDomain.values()) {
            Map<String, Integer> spendable = new LinkedHashMap<>();
            for (int i = 0; i < decisions.size(); i++) {
                ReleaseDecision decision = decisions.get(i);
                if (decision.domain() != domain) {
                    continue;
                }
                Optional<String> refusal = ReleaseRule.refusal(decision, consent, now);
                if (refusal.isPresent()) {
                    outcomes[i] = denied(decision, refusal.get(), false, now);
                } else if (spendable.putIfAbsent(decision.requestId(), i) != null) {
                    outcomes[i] = denied(decision, ReleaseRule.ALREADY_USED, false, now);
                }
            }
            spend(domain, decisions, spendable, outcomes, now);
        }
        return List.of(outcomes);
    }

    /** Marks the claimed decisions of these outcomes RELEASED or DENIED; call once the outcomes are published. */
    public void settle(List<ReleaseOutcome> outcomes) {
        Instant now = clock.instant();
        for (RecordDomain domain : RecordDomain.values()) {
            List<String> released = new ArrayList<>();
            List<String> denied = new ArrayList<>();
            for (ReleaseOutcome outcome : outcomes) {
                if (outcome.claimed() && outcome.decision().domain() == domain) {
                    (outcome instanceof ReleaseOutcome.Released ? released : denied)
                            .add(outcome.decision().requestId());
                }
            }
            if (!released.isEmpty() || !denied.isEmpty()) {
                usedDecisions.settle(domain, released, denied, now);
            }
        }
    }

    private void spend(
            RecordDomain domain,
            List<ReleaseDecision> decisions,
            Map<String, Integer> spendable,
            ReleaseOutcome[] outcomes,
            Instant now) {
        if (spendable.isEmpty()) {
            return;
        }
        List<DecisionUse> claims = spendable.values().stream()
                .map(i -> DecisionUse.claim(decisions.get(i), now))
                .toList();
        Map<String, DecisionUse> existing = usedDecisions.claim(domain, claims);
        List<Integer> claimed = new ArrayList<>();
        for (int i : spendable.values()) {
            ReleaseDecision decision = decisions.get(i);
            DecisionUse prior = existing.get(decision.requestId());
            // The mark is written RELEASING before anything is released and settled only after the outcome is
            // published. A crash in between redelivers the very same decision (same signature bytes): it finishes
            // the release instead of being denied, so a release is never lost. Any other decision under this
            // request id, or this one once settled, is a replay.
            if (prior == null || prior.resumableBy(decision)) {
                claimed.add(i);
            } else {
                outcomes[i] = denied(decision, ReleaseRule.ALREADY_USED, false, now);
            }
        }
        releaseAll(domain, claimed.stream().map(decisions::get).toList(), claimed, outcomes, now);
    }

    /**
     * Reads what the claimed decisions need in bulk (erasure marks, the chain's entries, the wrapped keys: one query
     * each, in that order, as the per-record checks below use them), then releases or denies each.
     */
    private void releaseAll(
            RecordDomain domain,
            List<ReleaseDecision> claimed,
            List<Integer> positions,
            ReleaseOutcome[] outcomes,
            Instant now) {
        if (claimed.isEmpty()) {
            return;
        }
        List<String> recordIds =
                claimed.stream().map(ReleaseDecision::recordId).distinct().toList();
        Set<String> erasedIds = erased.find(domain, recordIds).keySet();
        StoredRecords stored = ledger.storedRecords(domain, recordIds);
        OuterDecryption.WrappedKeys keys = outerDecryption.keysOf(domain, recordIds);
        for (int i = 0; i < claimed.size(); i++) {
            outcomes[positions.get(i)] = releaseClaimed(claimed.get(i), erasedIds, stored, keys, now);
        }
    }

    /** The decision's mark is held by this call: every outcome from here on settles it. */
    private ReleaseOutcome releaseClaimed(
            ReleaseDecision decision,
            Set<String> erasedIds,
            StoredRecords stored,
            OuterDecryption.WrappedKeys keys,
            Instant now) {
        if (erasedIds.contains(decision.recordId())) {
            return denied(decision, ReleaseRule.ERASED, true, now);
        }
        if (stored.unreadable().contains(decision.recordId())) {
            return denied(decision, ReleaseRule.UNREADABLE, true, now);
        }
        Optional<LedgerEntry> entry = Optional.ofNullable(stored.entries().get(decision.recordId()));
        if (entry.isEmpty()) {
            return denied(decision, ReleaseRule.NOT_ON_CHAIN, true, now);
        }
        ShareLookup.Choice share = shares.select(decision, entry.get());
        if (share.refusal() != null) {
            return denied(decision, share.refusal(), true, now);
        }
        try {
            byte[] c1 = outerDecryption.removeOuterLayer(
                    keys, decision.recordId(), entry.get().outerCiphertext());
            WrappedRecordKey key = keys.recordKeys().get(decision.recordId());
            return new ReleaseOutcome.Released(decision, c1, share.share(), now, key.ownerId(), key.provenance());
        } catch (RecordKeyNotFoundException e) {
            return denied(decision, ReleaseRule.ERASED, true, now);
        } catch (CiphertextRejectedException e) {
            return denied(decision, ReleaseRule.UNREADABLE, true, now);
        }
    }

    private static ReleaseOutcome denied(ReleaseDecision decision, String reason, boolean claimed, Instant now) {
        return new ReleaseOutcome.Denied(decision, reason, claimed, now);
    }
}
