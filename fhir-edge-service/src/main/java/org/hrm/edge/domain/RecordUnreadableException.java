package org.hrm.edge.domain;

/** The platform would not release a record to the hospital, or what it released did not verify. */
public class RecordUnreadableException extends RuntimeException {
    public RecordUnreadableException(String message) {
        super(message);
    }

    public RecordUnreadableException(String message, Throwable cause) {
        super(message, cause);
    }
}
