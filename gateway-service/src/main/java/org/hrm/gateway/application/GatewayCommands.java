package org.hrm.gateway.application;

/**
 * What the gateway sends to the platform; each call returns once the broker has the event. Records, grants,
 * revocations, registrations and access requests go out in the client SDK's role (their topics' producer is the
 * client); erasure requests and the gateway's own audit events are the gateway's topics. Each goes out as the
 * event its statement or entry carries.
 */
public interface GatewayCommands {
    void submit(SignedStatement record);

    void requestAccess(SignedStatement request);

    void grant(SignedStatement grant);

    void revoke(SignedStatement revocation);

    void register(SignedStatement registration);

    void rotateKey(SignedStatement rotation);

    void requestErasure(SignedStatement request);

    void audit(AuditEntry entry);
}
