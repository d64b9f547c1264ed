package org.hrm.cli;

/**
 * A command line that parses but cannot be carried out as given (a keystore that is missing, no running platform, a
 * practitioner without its institution): {@code ./hrm} prints the message and exits with 2, as for a parse error.
 */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
