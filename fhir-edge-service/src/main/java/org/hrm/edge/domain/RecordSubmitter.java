package org.hrm.edge.domain;

/** Encrypts, signs and submits one record; the port a test fakes. */
public interface RecordSubmitter {
    /** Submits the record and returns its new record id once the platform's log acknowledged it. */
    String submit(PreparedRecord record);
}
