package org.hrm.keyvault.application;

import org.hrm.keyvault.domain.SealedRecord;

/** What became of one submission: sealed (new or again), or refused with a reason for the dead-letter topic. */
public sealed interface SealOutcome {
    String recordId();

    /** The record is sealed; publish it. */
    record Sealed(SealedRecord record) implements SealOutcome {
        @Override
        public String recordId() {
            return record.recordId();
        }
    }

    /** The submission conflicts with what is stored; nothing was written. */
    record Refused(String recordId, String reason) implements SealOutcome {}
}
