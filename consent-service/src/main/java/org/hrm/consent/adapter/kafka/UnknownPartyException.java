package org.hrm.consent.adapter.kafka;

/**
 * A grant or revocation names a party whose registration has not been read yet; the record is retried (the error
 * handler seeks back to it with back-off) until the party is known or its grace has passed.
 */
final class UnknownPartyException extends RuntimeException {
    UnknownPartyException(String message) {
        super(message);
    }
}
