package org.hrm.contracts.authority;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.events.PartyHistory;
import org.hrm.contracts.events.PartyKeyRotated;
import org.hrm.contracts.events.PartyKind;
import org.hrm.contracts.events.PartyRegistered;

/**
 * Verifies a party's signed history (a value of the {@code parties.directory} topic) by replaying it through the
 * same {@link DirectoryRules} every consumer applies to the events one by one: the registration must be self-proven
 * and attested (and a practitioner's vouched for by its institution), each rotation must name the key before it and
 * be signed by it or attested. Whoever published the history is not trusted: a history that does not replay is
 * refused as a whole, with the reason, never partly used.
 *
 * <p>A practitioner's vouching is checked against its institution's key as of the registration's time: the
 * institution's own history replayed up to its rotations dated no later than that. consent-service checked it against
 * the institution's key when it accepted the registration, and an institution that rotated since must not make its
 * practitioners' registrations unverifiable. (The registration's time is bound to the gateway's attestation within
 * {@link AttestationRule#WINDOW}, so it cannot be moved back to a key the institution has since given up.)
 */
public final class PartyHistories {
    private final DirectoryRules rules;

    public PartyHistories(DirectoryRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /**
     * The party's entry after its whole history, or why the history is refused.
     *
     * @param others other parties' histories by id: a practitioner's institution is looked up there
     */
    public DirectoryDecision verify(PartyHistory history, Function<String, Optional<PartyHistory>> others) {
        return replay(history, others, null);
    }

    /**
     * Whether {@code later} is {@code earlier} with zero or more rotations appended, event for event as the codec
     * writes them: a directory only ever grows, so anything else is a history rewritten or rolled back.
     */
    public static boolean continues(PartyHistory later, PartyHistory earlier, EventCodec codec) {
        if (!later.partyId().equals(earlier.partyId())
                || later.rotations().size() < earlier.rotations().size()) {
            return false;
        }
        if (!Arrays.equals(codec.encode(later.registration()), codec.encode(earlier.registration()))) {
            return false;
        }
        for (int i = 0; i < earlier.rotations().size(); i++) {
            if (!Arrays.equals(
                    codec.encode(later.rotations().get(i)),
                    codec.encode(earlier.rotations().get(i)))) {
                return false;
            }
        }
        return true;
    }

    private DirectoryDecision replay(
            PartyHistory history, Function<String, Optional<PartyHistory>> others, Instant until) {
        String party = history.partyId();
        PartyRegistered registration = history.registration();
        if (!party.equals(registration.partyId())) {
            return refused(party, "it starts with the registration of " + registration.partyId());
        }
        DirectoryEntry institution = null;
        if (registration.kind() == PartyKind.PRACTITIONER && registration.institutionId() != null) {
            Optional<DirectoryDecision> asOfRegistration = institutionAt(registration, others);
            if (asOfRegistration.isPresent() && !asOfRegistration.get().accepted()) {
                return refused(
                        party, "its institution's " + asOfRegistration.get().refusal());
            }
            institution = asOfRegistration.map(DirectoryDecision::entry).orElse(null);
        }
        DirectoryDecision decision = rules.register(registration, null, institution);
        for (PartyKeyRotated rotation : history.rotations()) {
            if (!decision.accepted() || (until != null && rotation.rotatedAt().isAfter(until))) {
                break;
            }
            if (!party.equals(rotation.partyId())) {
                return refused(party, "it holds a rotation of " + rotation.partyId());
            }
            decision = rules.rotate(rotation, decision.entry());
        }
        return decision.accepted() ? decision : refused(party, decision.refusal());
    }

    /** The institution's entry as of the registration's time, if the directory holds its history. */
    private Optional<DirectoryDecision> institutionAt(
            PartyRegistered registration, Function<String, Optional<PartyHistory>> others) {
        String institutionId = registration.institutionId();
        return others.apply(institutionId)
                .map(institution -> institution.partyId().equals(institutionId)
                        // An institution's own registration names no institution to look up: nothing more is needed.
                        ? replay(institution, id -> Optional.empty(), registration.registeredAt())
                        : refused(institutionId, "it is the history of " + institution.partyId()));
    }

    private static DirectoryDecision refused(String party, String reason) {
        return DirectoryDecision.refuse("history of " + party + " does not verify: " + reason);
    }
}
