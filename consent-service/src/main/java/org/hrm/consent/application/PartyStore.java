package org.hrm.consent.application;

import java.util.Collection;
import java.util.Map;
import org.hrm.consent.domain.Party;

/** Port: the party directory, keyed by party id. */
public interface PartyStore {
    /** The registered parties among {@code partyIds}, by id. */
    Map<String, Party> findAll(Collection<String> partyIds);

    /** Stores a party whose id is not registered yet; false when the id already was. */
    boolean insertNew(Party party);
}
