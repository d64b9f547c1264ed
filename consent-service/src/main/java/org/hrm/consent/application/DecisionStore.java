package org.hrm.consent.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hrm.consent.domain.RecordDomain;
import org.hrm.consent.domain.SignedDecision;

/** Port: one domain's signed decisions by request id, so each request is decided once. */
public interface DecisionStore {
    /** The stored decisions among {@code requestIds}, by request id. */
    Map<String, SignedDecision> findAll(RecordDomain domain, Collection<String> requestIds);

    /** Inserts each decision whose request id is not decided yet; returns the request ids that already were. */
    Set<String> insertNew(RecordDomain domain, List<SignedDecision> decisions);
}
