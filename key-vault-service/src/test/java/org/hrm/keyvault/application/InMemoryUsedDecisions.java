package org.hrm.keyvault.application;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hrm.keyvault.domain.DecisionUse;
import org.hrm.keyvault.domain.RecordDomain;

/** Single-use marks in memory, insert-if-absent like a unique {@code _id}. */
final class InMemoryUsedDecisions implements UsedDecisions {
    final Map<RecordDomain, Map<String, DecisionUse>> marks = new ConcurrentHashMap<>();

    @Override
    public Map<String, DecisionUse> claim(RecordDomain domain, List<DecisionUse> claims) {
        Map<String, DecisionUse> existing = new HashMap<>();
        for (DecisionUse claim : claims) {
            DecisionUse prior = of(domain).putIfAbsent(claim.requestId(), claim);
            if (prior != null) {
                existing.put(claim.requestId(), prior);
            }
        }
        return existing;
    }

    @Override
    public void settle(RecordDomain domain, Collection<String> released, Collection<String> denied, Instant at) {
        released.forEach(id -> settle(domain, id, DecisionUse.State.RELEASED));
        denied.forEach(id -> settle(domain, id, DecisionUse.State.DENIED));
    }

    DecisionUse.State state(RecordDomain domain, String requestId) {
        DecisionUse mark = of(domain).get(requestId);
        return mark == null ? null : mark.state();
    }

    private void settle(RecordDomain domain, String requestId, DecisionUse.State state) {
        of(domain)
                .computeIfPresent(
                        requestId,
                        (id, mark) -> mark.state() != DecisionUse.State.RELEASING
                                ? mark
                                : new DecisionUse(
                                        id,
                                        mark.recordId(),
                                        state,
                                        mark.signatureDigest(),
                                        mark.claimedAt(),
                                        mark.expiresAt()));
    }

    private Map<String, DecisionUse> of(RecordDomain domain) {
        return marks.computeIfAbsent(domain, d -> new ConcurrentHashMap<>());
    }
}
