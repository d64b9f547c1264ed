package org.hrm.client.sdk;

/**
 * How far a record got on the platform, as told to its author or owner: submitted (not yet sealed by the vault, or
 * not yet seen), sealed by the key vault, committed to the ledger, or erased by its owner.
 */
public enum RecordStage {
    SUBMITTED,
    SEALED,
    COMMITTED,
    ERASED
}
