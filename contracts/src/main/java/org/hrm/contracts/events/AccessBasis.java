package org.hrm.contracts.events;

/** Why access was allowed (or {@link #NONE} when denied). */
public enum AccessBasis {
    OWNER,
    AUTHOR,
    GRANT,
    EMERGENCY,
    NONE
}
