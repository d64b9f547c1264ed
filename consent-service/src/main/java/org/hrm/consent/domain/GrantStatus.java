package org.hrm.consent.domain;

/** Where a grant stands at one instant; the order is the order in which a denial reason is chosen. */
public enum GrantStatus {
    ACTIVE("grant active"),
    REVOKED("grant revoked"),
    ENDED("grant ended: records erased"),
    EXPIRED("grant expired"),
    NOT_YET_VALID("grant not yet valid");

    private final String reason;

    GrantStatus(String reason) {
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
