package org.hrm.client.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** One token kept until shortly before it expires, then fetched again. */
final class CachedToken {
    /** Renew this long before expiry, so a token does not lapse between taking it and the gateway checking it. */
    private static final Duration MARGIN = Duration.ofSeconds(30);

    /** A token and when it stops being valid. */
    record Issued(String token, Instant expiresAt) {}

    private final Supplier<Issued> issuer;
    private final Clock clock;
    private Issued issued;

    CachedToken(Supplier<Issued> issuer, Clock clock) {
        this.issuer = issuer;
        this.clock = clock;
    }

    synchronized String current() {
        if (issued == null || !clock.instant().plus(MARGIN).isBefore(issued.expiresAt())) {
            issued = issuer.get();
        }
        return issued.token();
    }
}
