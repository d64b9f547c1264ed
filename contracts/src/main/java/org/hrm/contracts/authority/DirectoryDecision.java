package org.hrm.contracts.authority;

import java.util.Optional;

/** What {@link DirectoryRules} decided: the party's entry from now on, or why the event changes nothing. */
public record DirectoryDecision(DirectoryEntry entry, String refusal) {
    public static DirectoryDecision accept(DirectoryEntry entry) {
        return new DirectoryDecision(entry, null);
    }

    public static DirectoryDecision refuse(String reason) {
        return new DirectoryDecision(null, reason);
    }

    public boolean accepted() {
        return refusal == null;
    }

    public Optional<String> refusalReason() {
        return Optional.ofNullable(refusal);
    }
}
