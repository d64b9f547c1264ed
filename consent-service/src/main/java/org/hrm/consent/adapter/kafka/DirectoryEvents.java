package org.hrm.consent.adapter.kafka;

import java.util.ArrayList;
import java.util.Optional;
import org.hrm.consent.application.DirectoryVerdict;
import org.hrm.consent.application.SignedHistory;
import org.hrm.consent.application.SignedRegistration;
import org.hrm.consent.application.SignedRotation;
import org.hrm.consent.domain.Party;
import org.hrm.consent.domain.PartyKind;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.authority.DirectoryDecision;
import org.hrm.contracts.authority.DirectoryEntry;
import org.hrm.contracts.authority.DirectoryRules;
import org.hrm.contracts.authority.RetiredKey;
import org.hrm.contracts.events.PartyHistory;
import org.hrm.contracts.events.PartyKeyRotated;
import org.hrm.contracts.events.PartyRegistered;

/**
 * The directory's signed events as the registration use case sees them: each judged by the shared
 * {@link DirectoryRules} on the event itself (the signatures cover its bytes, decision 0043), and the party's signed
 * history encoded as the directory topic carries it.
 */
public final class DirectoryEvents {
    private final DirectoryRules rules;
    private final EventCodec codec = new EventCodec();

    public DirectoryEvents(DirectoryRules rules) {
        this.rules = rules;
    }

    public SignedRegistration registration(PartyRegistered event) {
        return new SignedRegistration() {
            @Override
            public String partyId() {
                return event.partyId();
            }

            @Override
            public Optional<String> institutionId() {
                return Optional.ofNullable(event.institutionId());
            }

            @Override
            public DirectoryVerdict judge(Party current, Party institution) {
                return verdict(rules.register(event, entry(current), entry(institution)));
            }

            @Override
            public SignedHistory history() {
                return encoded(PartyHistory.of(event));
            }
        };
    }

    public SignedRotation rotation(PartyKeyRotated event) {
        return new SignedRotation() {
            @Override
            public String partyId() {
                return event.partyId();
            }

            @Override
            public DirectoryVerdict judge(Party current) {
                return verdict(rules.rotate(event, entry(current)));
            }

            @Override
            public SignedHistory appendedTo(SignedHistory before) {
                return encoded(history(before).with(event));
            }
        };
    }

    /** The stored history as the directory topic carries it. */
    public PartyHistory history(SignedHistory history) {
        return codec.decode(history.encoded(), PartyHistory.class);
    }

    private SignedHistory encoded(PartyHistory history) {
        return new SignedHistory(codec.encode(history));
    }

    /** The party as the shared directory rules see it; null for none. */
    static DirectoryEntry entry(Party party) {
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

    private static DirectoryVerdict verdict(DirectoryDecision decision) {
        return decision.accepted()
                ? DirectoryVerdict.accept(party(decision.entry()))
                : DirectoryVerdict.refuse(decision.refusal());
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
