package org.hrm.keyvault.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.hrm.keyvault.domain.DecisionUse;
import org.hrm.keyvault.domain.RecordDomain;

/** Port: the single-use marks of one domain's decisions, keyed by request id (unique). */
public interface UsedDecisions {
    /** Inserts each claim whose request id has no mark yet; returns the marks that already existed, by request id. */
    Map<String, DecisionUse> claim(RecordDomain domain, List<DecisionUse> claims);

    /** Moves these RELEASING marks to RELEASED or DENIED once their outcomes are published. */
    void settle(RecordDomain domain, Collection<String> released, Collection<String> denied, Instant at);
}
