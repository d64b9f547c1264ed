package org.hrm.keyvault.application;

import org.hrm.keyvault.domain.Submission;

/** One submission of a batch in flight: its place in the batch and its digest, computed once. */
record Pending(int index, Submission submission, byte[] digest) {
    String recordId() {
        return submission.recordId();
    }

    String ownerId() {
        return submission.ownerId();
    }
}
