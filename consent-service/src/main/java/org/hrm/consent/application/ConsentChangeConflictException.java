package org.hrm.consent.application;

/** A grant id changed between read and write (a concurrent writer); retrying the batch resolves it. */
public class ConsentChangeConflictException extends IllegalStateException {
    public ConsentChangeConflictException(String message) {
        super(message);
    }
}
