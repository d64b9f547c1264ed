package org.hrm.gateway.application;

import org.hrm.contracts.events.AccessRequested;
import org.hrm.contracts.events.AuditEvent;
import org.hrm.contracts.events.ConsentGranted;
import org.hrm.contracts.events.ConsentRevoked;
import org.hrm.contracts.events.ErasureRequested;
import org.hrm.contracts.events.PartyKeyRotated;
import org.hrm.contracts.events.PartyRegistered;
import org.hrm.contracts.events.RecordSubmitted;

/**
 * What the gateway sends to the platform; each call returns once the broker has the event. Records, grants,
 * revocations, registrations and access requests go out in the client SDK's role (their topics' producer is the
 * client); erasure requests and the gateway's own audit events are the gateway's topics.
 */
public interface GatewayCommands {
    void submit(RecordSubmitted event);

    void requestAccess(AccessRequested event);

    void grant(ConsentGranted event);

    void revoke(ConsentRevoked event);

    void register(PartyRegistered event);

    void rotateKey(PartyKeyRotated event);

    void requestErasure(ErasureRequested event);

    void audit(AuditEvent event);
}
