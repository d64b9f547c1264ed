package org.hrm.consent.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Of one owner's grants, those to one grantee that cover one record: the active one, or why none is. */
record GrantMatch(Optional<Grant> active, String reason) {
    static final String NO_GRANT = "no grant covers this record";

    static GrantMatch find(List<Grant> ownerGrants, String granteeId, RecordEntry record, Instant now) {
        List<Grant> covering = ownerGrants.stream()
                .filter(grant -> grant.domain() == record.domain()
                        && grant.ownerId().equals(record.ownerId())
                        && grant.granteeId().equals(granteeId)
                        && grant.scope().covers(record.recordId(), record.category()))
                .toList();
        Optional<Grant> active = covering.stream()
                .filter(grant -> grant.status(now) == GrantStatus.ACTIVE)
                .max(Comparator.comparing(Grant::expiresAt));
        if (active.isPresent()) {
            return new GrantMatch(active, GrantStatus.ACTIVE.reason());
        }
        String reason = covering.stream()
                .map(grant -> grant.status(now))
                .min(Comparator.naturalOrder())
                .map(GrantStatus::reason)
                .orElse(NO_GRANT);
        return new GrantMatch(Optional.empty(), reason);
    }
}
