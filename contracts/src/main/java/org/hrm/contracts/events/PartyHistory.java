package org.hrm.contracts.events;

import java.util.ArrayList;
import java.util.List;

/**
 * A party's whole signed history in the directory: the registration consent-service accepted and every rotation it
 * accepted since, in order, each exactly the signed event its party sent. consent-service publishes it on the
 * compacted {@code parties.directory} topic (key party id) after each event it accepts; a client replays it through
 * {@link org.hrm.contracts.authority.PartyHistories} and so checks every signature itself instead of trusting the
 * publisher's word.
 *
 * <p>No time or id of its own: the same history is always the same value, so republishing after a redelivery is
 * harmless and compaction keeps one copy.
 *
 * @param registration the attested, self-proven registration the history starts with
 * @param rotations every accepted rotation, oldest first; each names the key the one before installed
 */
public record PartyHistory(String partyId, PartyRegistered registration, List<PartyKeyRotated> rotations) {
    public PartyHistory {
        Require.text(partyId, "partyId");
        Require.present(registration, "registration");
        rotations = rotations == null ? List.of() : List.copyOf(rotations);
    }

    /** A history that is a registration alone. */
    public static PartyHistory of(PartyRegistered registration) {
        return new PartyHistory(registration.partyId(), registration, List.of());
    }

    /** This history followed by {@code rotation}. */
    public PartyHistory with(PartyKeyRotated rotation) {
        List<PartyKeyRotated> longer = new ArrayList<>(rotations);
        longer.add(rotation);
        return new PartyHistory(partyId, registration, longer);
    }

    /** How many signed events it holds: the registration and the rotations. */
    public int length() {
        return 1 + rotations.size();
    }
}
