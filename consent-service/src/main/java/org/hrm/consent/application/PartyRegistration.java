package org.hrm.consent.application;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.hrm.consent.domain.Party;

/**
 * Use case: put a registration or a key rotation into the directory, or say why not. The shared directory rules
 * decide (attested registration, proof of possession, institution vouching, rotation by the old key or a fresh
 * attestation) on the signed event, in the adapter that read it; this class only loads the entries they need and
 * stores the result, on top of the key it was decided against, together with the party's signed history (what the
 * directory topic publishes).
 */
public final class PartyRegistration {
    private final PartyStore parties;

    public PartyRegistration(PartyStore parties) {
        this.parties = parties;
    }

    /** Empty when the registration stands (now or already, identically); otherwise the refusal. */
    public Optional<String> register(SignedRegistration event) {
        return apply(
                event.partyId(),
                current -> event.judge(
                        current,
                        event.institutionId()
                                .map(id -> stored(List.of(id)).get(id))
                                .orElse(null)),
                // A new party's history starts here; a repeated registration keeps the history it has. A party
                // stored before histories were kept gets one from this registration of its current key.
                (existing, history) ->
                        existing == null || !existing.attested() ? event.history() : history.orElseGet(event::history));
    }

    /** Empty when the rotation is applied; otherwise the refusal. */
    public Optional<String> rotate(SignedRotation event) {
        // Without a stored registration there is no history to extend: the party is published again only once it
        // registers its current key (see register).
        return apply(
                event.partyId(),
                event::judge,
                (existing, history) -> history.map(event::appendedTo).orElse(null));
    }

    /**
     * The signed history behind the party's entry, as the directory topic carries it: published after every event
     * accepted for the party, so a client verifies the whole of it itself.
     */
    public Optional<SignedHistory> history(String partyId) {
        return parties.history(partyId);
    }

    private Optional<String> apply(
            String partyId,
            Function<Party, DirectoryVerdict> decide,
            BiFunction<Party, Optional<SignedHistory>, SignedHistory> extend) {
        // Decided against the stored entry and written only on top of its key: a concurrent change makes the write
        // fail, and the event is judged again against what won. The history is written with the entry, in one
        // document, so the two never disagree.
        for (int attempt = 0; attempt < 3; attempt++) {
            Party existing = stored(List.of(partyId)).get(partyId);
            Optional<SignedHistory> history = existing == null ? Optional.empty() : parties.history(partyId);
            DirectoryVerdict verdict = decide.apply(existing);
            if (!verdict.accepted()) {
                return verdict.refusalReason();
            }
            Party next = verdict.party();
            if (existing != null && same(existing, next) && history.isPresent()) {
                return Optional.empty();
            }
            if (parties.replace(
                    next, extend.apply(existing, history), existing == null ? null : existing.publicKey())) {
                return Optional.empty();
            }
        }
        throw new ConsentChangeConflictException("party " + partyId + " kept changing while being written");
    }

    private Map<String, Party> stored(List<String> partyIds) {
        return parties.findAll(partyIds);
    }

    private static boolean same(Party a, Party b) {
        return java.util.Arrays.equals(a.publicKey(), b.publicKey())
                && a.attested() == b.attested()
                && a.previousKeys().size() == b.previousKeys().size()
                && a.kind() == b.kind()
                && java.util.Objects.equals(a.institutionId(), b.institutionId());
    }
}
