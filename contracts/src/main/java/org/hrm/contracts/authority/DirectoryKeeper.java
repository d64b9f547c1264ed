package org.hrm.contracts.authority;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.hrm.contracts.events.PartyKeyRotated;
import org.hrm.contracts.events.PartyRegistered;
import org.hrm.crypto.P256;

/**
 * Keeps one service's party directory: applies each registration or rotation from the parties topic through
 * {@link DirectoryRules} and stores only what they accept. A refused event changes nothing and its reason is returned
 * for the dead-letter topic.
 *
 * <p>Transition: with {@code acceptUnattested} on, an unsigned v1 registration of a party the directory does not know
 * is stored as a {@link DirectoryEntry#legacy} entry (first come, not attested), which any attested registration
 * replaces. It exists only until every producer registers with an attestation; production runs with it off.
 */
public final class DirectoryKeeper {
    private static final long POLL_MILLIS = 100;

    private final DirectoryRules rules;
    private final DirectoryStore store;
    private final boolean acceptUnattested;

    public DirectoryKeeper(DirectoryRules rules, DirectoryStore store, boolean acceptUnattested) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.store = Objects.requireNonNull(store, "store");
        this.acceptUnattested = acceptUnattested;
    }

    /** Applies a registration; empty when stored (or already there), otherwise why it was refused. */
    public Optional<String> apply(PartyRegistered event) {
        DirectoryEntry current = store.find(event.partyId()).orElse(null);
        if (acceptUnattested && current == null && event.proofOfPossession() == null && event.attestation() == null) {
            if (!P256.isPublicKey(event.publicKey())) {
                return Optional.of("public key of party " + event.partyId() + " is not an uncompressed P-256 point");
            }
            store.save(DirectoryEntry.legacy(
                    event.partyId(), event.kind(), event.institutionId(), event.publicKey(), event.registeredAt()));
            return Optional.empty();
        }
        DirectoryEntry institution = event.institutionId() == null
                ? null
                : store.find(event.institutionId()).orElse(null);
        return settle(rules.register(event, current, institution), current);
    }

    /** Applies a rotation; empty when stored, otherwise why it was refused. */
    public Optional<String> apply(PartyKeyRotated event) {
        DirectoryEntry current = store.find(event.partyId()).orElse(null);
        return settle(rules.rotate(event, current), current);
    }

    /** The party's entry, if the directory holds one. */
    public Optional<DirectoryEntry> entry(String partyId) {
        return store.find(partyId);
    }

    /**
     * The party's entry, waiting (polling) for it while the event that names the party is younger than {@code grace}:
     * a registration and the party's first event are sent moments apart on different topics. The wait is counted
     * from the event's own time and never lasts longer than {@code grace} from now, whatever time the event claims.
     */
    public Optional<DirectoryEntry> awaitEntry(String partyId, Instant eventTime, Duration grace, Clock clock) {
        Optional<DirectoryEntry> entry = store.find(partyId);
        Instant now = clock.instant();
        Instant byEvent = eventTime.plus(grace);
        Instant deadline = byEvent.isBefore(now.plus(grace)) ? byEvent : now.plus(grace);
        while (entry.isEmpty() && clock.instant().isBefore(deadline)) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for party " + partyId, e);
            }
            entry = store.find(partyId);
        }
        return entry;
    }

    private Optional<String> settle(DirectoryDecision decision, DirectoryEntry current) {
        if (!decision.accepted()) {
            return decision.refusalReason();
        }
        if (decision.entry() != current) {
            store.save(decision.entry());
        }
        return Optional.empty();
    }
}
