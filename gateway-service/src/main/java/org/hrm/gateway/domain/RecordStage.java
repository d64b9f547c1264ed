package org.hrm.gateway.domain;

/** Where a record is in the pipeline, as the topics tell it. */
public enum RecordStage {
    PENDING,
    SEALED,
    COMMITTED,
    ERASED;

    /** Stages only move forward: a late event of an earlier stage does not move a record back. */
    public RecordStage advance(RecordStage next) {
        return next.ordinal() > ordinal() ? next : this;
    }
}
