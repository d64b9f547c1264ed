package org.hrm.consent.application;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hrm.consent.domain.AccessRequest;
import org.hrm.consent.domain.AccessRule;
import org.hrm.consent.domain.RecordDomain;
import org.hrm.consent.domain.RecordEntry;
import org.hrm.consent.domain.SignedDecision;

/**
 * Use case: decide a batch of access requests, each once. A request id already decided gets the stored signed
 * decision back unchanged (a replay republishes it, never a second, different one); new ones are decided, signed
 * and stored in one bulk insert per domain, whose unique request id settles races.
 */
public final class AccessDecisions {
    private final PartyStore parties;
    private final RecordIndex records;
    private final GrantStore grants;
    private final DecisionStore decisions;
    private final AccessRule rule;
    private final DecisionSigning signing;
    private final Clock clock;

    public AccessDecisions(
            PartyStore parties,
            RecordIndex records,
            GrantStore grants,
            DecisionStore decisions,
            AccessRule rule,
            DecisionSigning signing,
            Clock clock) {
        this.parties = parties;
        this.records = records;
        this.grants = grants;
        this.decisions = decisions;
        this.rule = rule;
        this.signing = signing;
        this.clock = clock;
    }

    /** One outcome per request, in the order given. */
    public List<DecisionOutcome> decide(List<AccessRequest> requests) {
        Map<String, SignedDecision> decided = new HashMap<>();
        for (RecordDomain domain : RecordDomain.values()) {
            List<AccessRequest> ofDomain = requests.stream()
                    .filter(request -> request.domain() == domain)
                    .toList();
            if (!ofDomain.isEmpty()) {
                decided.putAll(decideDomain(domain, ofDomain));
            }
        }
        return requests.stream()
                .map(request -> outcome(request, decided.get(key(request.domain(), request.requestId()))))
                .toList();
    }

    private static DecisionOutcome outcome(AccessRequest request, SignedDecision decision) {
        if (decision == null) {
            throw new IllegalStateException("a stored decision vanished; retrying the batch");
        }
        return request.matches(decision.decision())
                ? DecisionOutcome.decided(decision)
                : DecisionOutcome.refused(
                        "request id " + request.requestId() + " was already decided for another record or requester");
    }

    /** The decision standing for every request id of the domain's requests, keyed by {@link #key}. */
    private Map<String, SignedDecision> decideDomain(RecordDomain domain, List<AccessRequest> requests) {
        Map<String, SignedDecision> standing = new HashMap<>(decisions.findAll(
                domain, requests.stream().map(AccessRequest::requestId).toList()));
        Map<String, AccessRequest> fresh = new LinkedHashMap<>();
        requests.stream()
                .filter(request -> !standing.containsKey(request.requestId()))
                .forEach(request -> fresh.putIfAbsent(request.requestId(), request));
        if (!fresh.isEmpty()) {
            standing.putAll(decideFresh(domain, List.copyOf(fresh.values())));
        }
        Map<String, SignedDecision> keyed = new HashMap<>();
        standing.forEach((requestId, decision) -> keyed.put(key(domain, requestId), decision));
        return keyed;
    }

    private Map<String, SignedDecision> decideFresh(RecordDomain domain, List<AccessRequest> fresh) {
        DecisionInputs inputs = DecisionInputs.load(domain, fresh, parties, records, grants);
        Instant now = clock.instant();
        Map<String, SignedDecision> made = new LinkedHashMap<>();
        for (AccessRequest request : fresh) {
            RecordEntry record = inputs.record(request);
            made.put(
                    request.requestId(),
                    signing.sign(
                            rule.decide(request, inputs.requester(request), record, inputs.grantsOf(record), now)));
        }
        Set<String> lostRaces = decisions.insertNew(domain, List.copyOf(made.values()));
        if (!lostRaces.isEmpty()) {
            made.keySet().removeAll(lostRaces);
            made.putAll(decisions.findAll(domain, lostRaces));
        }
        return made;
    }

    private static String key(RecordDomain domain, String requestId) {
        return domain + "/" + requestId;
    }
}
