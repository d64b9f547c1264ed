package org.hrm.edge.domain;

/** What the platform says about records this edge submitted: their status, and their plaintext when readable. */
public interface RecordTracker {
    RecordStatus statusOf(SubmittedRecord record);

    /**
     * The record's plaintext as the hospital may read it (released by the platform, provenance verified).
     *
     * @throws RecordUnreadableException if the platform denies it or its provenance does not verify
     */
    byte[] read(SubmittedRecord record);
}
