package org.hrm.consent.application;

import java.util.Collection;
import java.util.Map;
import org.hrm.consent.domain.Party;

/** Port: the party directory, keyed by party id. */
public interface PartyStore {
    /** The registered parties among {@code partyIds}, by id. */
    Map<String, Party> findAll(Collection<String> partyIds);

    /**
     * Stores {@code next} only if the party's current key is still {@code expectedCurrentKey} (null: only if the id
     * is not registered yet); false when another change won the race.
     */
    boolean replace(Party next, byte[] expectedCurrentKey);
}
