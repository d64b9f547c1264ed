package org.hrm.ledgerwriter.application;

/**
 * An audit event's place in its patient's sequence, claimed before it goes into a tree: a sequence number is
 * claimed once (the index refuses a second claim), so numbers never repeat and a crash leaves no gap.
 *
 * @param sequence 1, 2, 3... per patient; 0 for an event on no patient
 * @param leafHash the leaf hash (hex) over the event with this sequence number
 * @param root the tree it went into, or null while it is in none
 */
public record AuditClaim(
        String eventId, String source, String patientId, long sequence, String leafHash, String root) {}
