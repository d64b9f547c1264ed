package org.hrm.gateway.application;

/**
 * A release the vault sent (C1 sealed to the requester): whom it answers, and the event as the vault wrote it, which
 * the gateway hands to the requester byte for byte. The gateway reads no more of it than whom it answers.
 *
 * @param event the release event's bytes as read from the topic, never re-encoded
 */
public record Release(String requestId, String recordId, String requesterId, byte[] event) {
    /** Whether this is the answer to the request made: its request id, record and requester. */
    boolean answers(String requestId, String recordId, String requesterId) {
        return this.requestId.equals(requestId)
                && this.recordId.equals(recordId)
                && this.requesterId.equals(requesterId);
    }
}
