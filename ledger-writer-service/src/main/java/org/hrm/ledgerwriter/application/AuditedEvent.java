package org.hrm.ledgerwriter.application;

import java.util.function.LongFunction;
import org.hrm.contracts.Domain;

/**
 * One audit event to anchor: its id, the topic it came from, its patient (none for an event on no patient) and
 * domain, and how to hash its leaf once its per-patient sequence number is known.
 */
public record AuditedEvent(
        String eventId, String source, String patientId, Domain domain, LongFunction<byte[]> leafHash) {}
