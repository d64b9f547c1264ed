package org.hrm.gateway.application;

/**
 * Port: the gateway's audit of a request as the signed event its audit topic carries. The contract defines the event
 * and what its signature covers, so an adapter builds and encodes it, signed with the gateway's attestation key.
 */
public interface AuditEvents {
    AuditEntry signed(RequestAudit audit);
}
