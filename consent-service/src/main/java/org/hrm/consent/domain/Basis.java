package org.hrm.consent.domain;

/** Why access was allowed, or {@link #NONE} when denied. */
public enum Basis {
    OWNER,
    AUTHOR,
    GRANT,
    EMERGENCY,
    NONE
}
