package org.hrm.consent.application;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.hrm.consent.domain.Party;

/** Port: the party directory, keyed by party id, each party with the signed history that put it there. */
public interface PartyStore {
    /** The registered parties among {@code partyIds}, by id. */
    Map<String, Party> findAll(Collection<String> partyIds);

    /**
     * The signed events behind the party's entry (registration and rotations, as sent), as the directory topic
     * publishes them; empty for a party unknown or stored before histories were kept.
     */
    Optional<SignedHistory> history(String partyId);

    /**
     * Stores {@code next} with its {@code history} (null: none known) in one write, only if the party's current key
     * is still {@code expectedCurrentKey} (null: only if the id is not registered yet); false when another change
     * won the race.
     */
    boolean replace(Party next, SignedHistory history, byte[] expectedCurrentKey);
}
