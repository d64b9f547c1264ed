package org.hrm.edge.domain;

/** How far a submitted record got: published, sealed by the key vault, committed to the ledger, erased by its owner. */
public enum RecordStatus {
    SUBMITTED,
    SEALED,
    COMMITTED,
    ERASED
}
