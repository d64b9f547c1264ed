package org.hrm.edge.domain;

/** How far a submitted record got: published, sealed by the key vault, committed to the ledger. */
public enum RecordStatus {
    SUBMITTED,
    SEALED,
    COMMITTED
}
