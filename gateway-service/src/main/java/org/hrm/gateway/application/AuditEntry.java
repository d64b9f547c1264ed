package org.hrm.gateway.application;

/**
 * One audit event on a patient as its producer signed it: its id (the same event read back is skipped), its patient,
 * and the event's bytes as read from the audit topic, or as the gateway wrote them there.
 */
public record AuditEntry(String id, String patientId, byte[] event) {}
