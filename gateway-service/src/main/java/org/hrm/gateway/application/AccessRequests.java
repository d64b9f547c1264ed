package org.hrm.gateway.application;

import org.hrm.gateway.domain.Caller;

/**
 * Port: sends an access request carrying the gateway's attestation of its caller (the portal signs nothing itself).
 * The attestation covers the sent event's signed bytes, so the adapter that builds the event has it attested.
 */
public interface AccessRequests {
    /** Refused ({@link org.hrm.gateway.domain.AccessRefused}) unless the caller is the requester. */
    void send(Caller caller, AccessRequest request);
}
