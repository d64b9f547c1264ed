package org.hrm.consent.application;

import org.hrm.consent.domain.Audit;
import org.hrm.consent.domain.StandingGrantList;

/**
 * What became of a grant or revocation: accepted (with the owner's standing grants to publish) or rejected with
 * the reason for the dead-letter topic; audited either way.
 */
public record ConsentOutcome(Audit audit, StandingGrantList standingGrants, String refusal) {
    static ConsentOutcome accepted(Audit audit, StandingGrantList standingGrants) {
        return new ConsentOutcome(audit, standingGrants, null);
    }

    static ConsentOutcome rejected(String reason, Audit audit) {
        return new ConsentOutcome(audit, null, reason);
    }

    public boolean accepted() {
        return refusal == null;
    }
}
