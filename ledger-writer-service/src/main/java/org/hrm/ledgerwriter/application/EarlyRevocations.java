package org.hrm.ledgerwriter.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hrm.contracts.Domain;

/**
 * Revocations read before the grant they name. Grants and revocations are different topics, consumed independently,
 * so under load or after a restart a revocation can be read batches before its grant. Such a revocation (its
 * signature already checked against its owner's current key) is held, durably, instead of refused: it is released,
 * to be checked again in full and written, once its grant is verified, and dead-lettered once {@code grace} has
 * passed since this writer first read it without the grant arriving. Nothing here waits: the consent listener asks
 * what is {@link #due} on each batch and when its topics are idle.
 */
public final class EarlyRevocations {
    private final HeldRevocations held;
    private final GrantOwners grants;
    private final Duration grace;
    private final Clock clock;

    public EarlyRevocations(HeldRevocations held, GrantOwners grants, Duration grace, Clock clock) {
        this.held = Objects.requireNonNull(held, "held");
        this.grants = Objects.requireNonNull(grants, "grants");
        if (grace.isNegative() || grace.isZero()) {
            throw new IllegalArgumentException("the grace of a revocation awaiting its grant must be positive");
        }
        this.grace = grace;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Holds the event, a revocation of {@code grantId}, from now, or from when this writer first read it. */
    public void hold(Domain domain, String grantId, ConsumedEvent event) {
        held.hold(new HeldRevocation(domain, grantId, clock.instant(), event));
    }

    /**
     * The held revocations to act on now: those naming a grant verified just now (the ids, by domain) or verified
     * since, to be read again and written, and those whose grace ran out with their grant still unknown.
     */
    public Due due(Map<Domain, Set<String>> verifiedGrants) {
        Map<String, HeldRevocation> released = new LinkedHashMap<>();
        verifiedGrants.forEach((domain, grantIds) -> {
            if (!grantIds.isEmpty()) {
                held.naming(domain, grantIds).forEach(revocation -> released.put(revocation.id(), revocation));
            }
        });
        List<Expired> expired = new ArrayList<>();
        Instant now = clock.instant();
        for (HeldRevocation revocation : held.seenBy(now.minus(grace))) {
            if (released.containsKey(revocation.id())) {
                continue;
            }
            if (grants.ownerOf(revocation.domain(), revocation.grantId()).isPresent()) {
                released.put(revocation.id(), revocation);
            } else {
                expired.add(new Expired(revocation, expiryReason(revocation)));
            }
        }
        return new Due(List.copyOf(released.values()), expired);
    }

    /** Drops what was written or dead-lettered. */
    public void forget(Collection<HeldRevocation> done) {
        done.forEach(held::forget);
    }

    private String expiryReason(HeldRevocation revocation) {
        return "revocation of grant " + revocation.grantId() + " names a grant this ledger writer has not verified"
                + " within " + readable(grace) + " of first reading the revocation";
    }

    private static String readable(Duration duration) {
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    /** What {@link #due} found. */
    public record Due(List<HeldRevocation> released, List<Expired> expired) {
        public Due {
            released = List.copyOf(released);
            expired = List.copyOf(expired);
        }

        public boolean isEmpty() {
            return released.isEmpty() && expired.isEmpty();
        }
    }

    /** A held revocation whose grant never came, and the reason to dead-letter it with. */
    public record Expired(HeldRevocation revocation, String reason) {}
}
