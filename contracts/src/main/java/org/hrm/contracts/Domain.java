package org.hrm.contracts;

/** The two record domains, kept apart end to end: own topics, vault collections and ledger contracts. */
public enum Domain {
    PATIENT,
    PRACTITIONER;

    /** Lower-case name used in topic names and configuration keys. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
