package org.hrm.consent.application;

import java.util.Optional;
import org.hrm.consent.domain.Party;

/** What the shared directory rules decided about a signed change: the party from now on, or why not. */
public record DirectoryVerdict(Party party, String refusal) {
    public static DirectoryVerdict accept(Party party) {
        return new DirectoryVerdict(party, null);
    }

    public static DirectoryVerdict refuse(String reason) {
        return new DirectoryVerdict(null, reason);
    }

    public boolean accepted() {
        return refusal == null;
    }

    public Optional<String> refusalReason() {
        return Optional.ofNullable(refusal);
    }
}
