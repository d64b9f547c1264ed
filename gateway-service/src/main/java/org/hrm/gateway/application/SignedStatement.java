package org.hrm.gateway.application;

/**
 * A statement a party signed, or the gateway attested for its caller, as the event that carries it in the contract's
 * encoding (a record, grant, revocation, registration, key rotation, access or erasure request): the gateway forwards
 * it without reading it, so what was signed is what goes out.
 *
 * @param event the event's bytes, encoded by the adapter that built or read it
 */
public record SignedStatement(byte[] event) {}
