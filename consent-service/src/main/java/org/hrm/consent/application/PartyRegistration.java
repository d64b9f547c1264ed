package org.hrm.consent.application;

import java.util.List;
import java.util.Optional;
import org.hrm.consent.domain.Party;
import org.hrm.consent.domain.PartyDirectory;

/** Use case: add a party to the directory, or say why not (invalid key, id registered with other details). */
public final class PartyRegistration {
    private final PartyStore parties;

    public PartyRegistration(PartyStore parties) {
        this.parties = parties;
    }

    /** Empty when the party is registered (now or already, identically); otherwise the refusal. */
    public Optional<String> register(Party party) {
        Party existing = stored(party.partyId());
        Optional<String> refusal = PartyDirectory.refusal(party, existing);
        if (refusal.isPresent() || existing != null || parties.insertNew(party)) {
            return refusal;
        }
        // Lost a race with another registration of the same id: judge against what won.
        return PartyDirectory.refusal(party, stored(party.partyId()));
    }

    private Party stored(String partyId) {
        return parties.findAll(List.of(partyId)).get(partyId);
    }
}
