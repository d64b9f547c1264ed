package org.hrm.gateway.application;

/** What a request touched, for its audit event: a record id ("record"), a grant id ("grant") or a request id. */
public record AuditedEntity(String what, String kind) {}
