package org.hrm.consent.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.hrm.consent.domain.Party;
import org.hrm.contracts.authority.DirectoryDecision;
import org.hrm.contracts.authority.DirectoryEntry;
import org.hrm.contracts.authority.DirectoryRules;
import org.hrm.contracts.authority.RetiredKey;
import org.hrm.contracts.events.PartyKeyRotated;
import org.hrm.contracts.events.PartyRegistered;

/**
 * Use case: put a registration or a key rotation into the directory, or say why not. The shared
 * {@link DirectoryRules} decide (attested registration, proof of possession, institution vouching, rotation by the
 * old key or a fresh attestation); this class only loads the entries they need and stores the result, on top of the
 * key it was decided against.
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
        return apply(event.partyId(), current -> {
            DirectoryEntry institution = event.institutionId() == null
                    ? null
                    : entry(stored(List.of(event.institutionId())).get(event.institutionId()));
            return rules.register(event, current, institution);
        });
    }

    /** Empty when the rotation is applied; otherwise the refusal. */
    public Optional<String> rotate(PartyKeyRotated event) {
        return apply(event.partyId(), current -> rules.rotate(event, current));
    }

    private Optional<String> apply(String partyId, Function<DirectoryEntry, DirectoryDecision> decide) {
        // Decided against the stored entry and written only on top of its key: a concurrent change makes the write
        // fail, and the event is judged again against what won.
        for (int attempt = 0; attempt < 3; attempt++) {
            Party existing = stored(List.of(partyId)).get(partyId);
            DirectoryDecision decision = decide.apply(entry(existing));
            if (!decision.accepted()) {
                return decision.refusalReason();
            }
            Party next = party(decision.entry());
            if (existing != null && same(existing, next)) {
                return Optional.empty();
            }
            if (parties.replace(next, existing == null ? null : existing.publicKey())) {
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

    static DirectoryEntry entry(Party party) {
        if (party == null) {
            return null;
        }
        return new DirectoryEntry(
                party.partyId(),
                ConsentDomains.toContract(party.kind()),
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
                ConsentDomains.of(entry.kind()),
                entry.publicKey(),
                entry.institutionId(),
                entry.since(),
                entry.attested(),
                new ArrayList<>(entry.previousKeys()));
    }
}
