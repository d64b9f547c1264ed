package org.hrm.contracts.authority;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.hrm.contracts.events.PartyKeyRotated;
import org.hrm.contracts.events.PartyRegistered;

/**
 * Keeps one service's party directory: applies each registration or rotation from the parties topic through
 * {@link DirectoryRules} and stores only what they accept. A refused event changes nothing and its reason is returned
 * for the dead-letter topic.
 */
public final class DirectoryKeeper {
    private static final long POLL_MILLIS = 100;

    private final DirectoryRules rules;
    private final DirectoryStore store;

    public DirectoryKeeper(DirectoryRules rules, DirectoryStore store) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Applies a registration; empty when stored (or already there), otherwise why it was refused. */
    public Optional<String> apply(PartyRegistered event) {
        DirectoryEntry current = store.find(event.partyId()).orElse(null);
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
