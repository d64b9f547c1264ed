package org.hrm.ledgerwriter.application;

import java.time.Instant;
import org.hrm.contracts.Domain;

/**
 * A revocation, signed by its owner's current key, that names a grant this writer has not verified yet, kept from
 * the moment this writer first read it.
 *
 * @param firstSeen when this writer first read the event (its own clock; never the owner-chosen revokedAt)
 */
public record HeldRevocation(Domain domain, String grantId, Instant firstSeen, ConsumedEvent event) {
    /** One per consumed event: reading the same event again holds nothing new. */
    public String id() {
        return event.position();
    }
}
