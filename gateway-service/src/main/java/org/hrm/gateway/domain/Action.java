package org.hrm.gateway.domain;

/** What a caller asks the gateway to do; {@link AccessPolicy} says who may. */
public enum Action {
    /** Submit a record as its author. */
    SUBMIT,
    /** Read one record's status (owner or author). */
    READ_STATUS,
    /** List an owner's records, grants or access history. */
    READ_OWNER_DATA,
    /** Ask for a record's release, as oneself. */
    FETCH,
    /** Grant or revoke access to the owner's records. */
    GRANT,
    /** Erase one or all of the owner's records. */
    ERASE,
    /** Learn who an owner's standing grants name for a new record, to wrap its key to them (authors only). */
    LIST_GRANTEES,
    /** Publish one's own public key, or look up another party's. */
    USE_DIRECTORY,
    /** The ops dashboard. */
    OPERATE
}
