package org.hrm.consent.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.hrm.consent.domain.Party;
import org.hrm.consent.domain.PartyKind;
import org.hrm.contracts.authority.DirectoryDecision;
import org.hrm.contracts.authority.DirectoryEntry;
import org.hrm.contracts.authority.DirectoryRules;
import org.hrm.contracts.authority.RetiredKey;
import org.hrm.contracts.events.PartyHistory;
import org.hrm.contracts.events.PartyKeyRotated;
import org.hrm.contracts.events.PartyRegistered;

/**
 * Use case: put a registration or a key rotation into the directory, or say why not. The shared
 * {@link DirectoryRules} decide (attested registration, proof of possession, institution vouching, rotation by the
 * old key or a fresh attestation); this class only loads the entries they need and stores the result, on top of the
 * key it was decided against, together with the party's signed history (what the directory topic publishes).
 */
public final class PartyRegistration {
    private final PartyStore parties;
    private final DirectoryRules rules;

    public PartyRegistration(PartyStore parties, DirectoryRules rules) {
        this.parties = parties;
        this.rules = rules;
    }

    /** Empty when the registration stands (now or already, identically); otherwise the refusal. */
    public Optional<String> register(PartyRegistered event) {
        return apply(
                event.partyId(),
                current -> {
                    DirectoryEntry institution = event.institutionId() == null
                            ? null
                            : entry(stored(List.of(event.institutionId())).get(event.institutionId()));
                    return rules.register(event, current, institution);
                },
                // A new party's history starts here; a repeated registration keeps the history it has. A party
                // stored before histories were kept gets one from this registration of its current key.
                (existing, history) -> existing == null || !existing.attested()
                        ? PartyHistory.of(event)
                        : history.orElse(PartyHistory.of(event)));
    }

    /** Empty when the rotation is applied; otherwise the refusal. */
    public Optional<String> rotate(PartyKeyRotated event) {
        // Without a stored registration there is no history to extend: the party is published again only once it
        // registers its current key (see register).
        return apply(
                event.partyId(),
                current -> rules.rotate(event, current),
                (existing, history) -> history.map(before -> before.with(event)).orElse(null));
    }

    /**
     * The signed history behind the party's entry, as the directory topic carries it: published after every event
     * accepted for the party, so a client verifies the whole of it itself.
     */
    public Optional<PartyHistory> history(String partyId) {
        return parties.history(partyId);
    }

    private Optional<String> apply(
            String partyId,
            Function<DirectoryEntry, DirectoryDecision> decide,
            BiFunction<Party, Optional<PartyHistory>, PartyHistory> extend) {
        // Decided against the stored entry and written only on top of its key: a concurrent change makes the write
        // fail, and the event is judged again against what won. The history is written with the entry, in one
        // document, so the two never disagree.
        for (int attempt = 0; attempt < 3; attempt++) {
            Party existing = stored(List.of(partyId)).get(partyId);
            Optional<PartyHistory> history = existing == null ? Optional.empty() : parties.history(partyId);
            DirectoryDecision decision = decide.apply(entry(existing));
            if (!decision.accepted()) {
                return decision.refusalReason();
            }
            Party next = party(decision.entry());
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

    /** The party as the shared directory rules see it; null for none. */
    public static DirectoryEntry entry(Party party) {
        if (party == null) {
            return null;
        }
        return new DirectoryEntry(
                party.partyId(),
                toContract(party.kind()),
                party.institutionId(),
                party.publicKey(),
                party.registeredAt(),
                party.attested(),
                // consent-service authorizes with current keys only; it keeps earlier keys, not how they ended.
                party.previousKeys().stream().map(RetiredKey::unrecorded).toList());
    }

    private static Party party(DirectoryEntry entry) {
        return new Party(
                entry.partyId(),
                kind(entry.kind()),
                entry.publicKey(),
                entry.institutionId(),
                entry.since(),
                entry.attested(),
                new ArrayList<>(entry.previousKeys()));
    }

    private static PartyKind kind(org.hrm.contracts.events.PartyKind kind) {
        return switch (kind) {
            case PATIENT -> PartyKind.PATIENT;
            case PRACTITIONER -> PartyKind.PRACTITIONER;
            case SYSTEM -> PartyKind.SYSTEM;
        };
    }

    private static org.hrm.contracts.events.PartyKind toContract(PartyKind kind) {
        return switch (kind) {
            case PATIENT -> org.hrm.contracts.events.PartyKind.PATIENT;
            case PRACTITIONER -> org.hrm.contracts.events.PartyKind.PRACTITIONER;
            case SYSTEM -> org.hrm.contracts.events.PartyKind.SYSTEM;
        };
    }
}
