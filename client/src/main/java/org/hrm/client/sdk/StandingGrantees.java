package org.hrm.client.sdk;

import java.util.List;
import org.hrm.contracts.Domain;

/**
 * Port: who besides the owner and the author must be able to read a record an author is about to write, by the
 * owner's standing grants. The author wraps the record's key to each, with the key its own verified party directory
 * holds for that party (never a key the answer carries: whoever answers cannot slip in a key of its own).
 */
@FunctionalInterface
public interface StandingGrantees {
    /** The party ids of the owner's unexpired grantees whose scope covers a new record of {@code category}. */
    List<String> covering(Domain domain, String ownerId, String category);
}
