package org.hrm.ledgerwriter.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.hrm.contracts.Domain;
import org.hrm.ledgerwriter.support.InMemoryHeldRevocations;
import org.hrm.ledgerwriter.support.TestAuthority;
import org.hrm.testsupport.MovingClock;
import org.junit.jupiter.api.Test;

class EarlyRevocationsTest {
    private static final Duration GRACE = Duration.ofMinutes(10);
    private static final Instant START = Instant.parse("2026-12-06T05:00:00Z");

    private final MovingClock clock = new MovingClock(START);
    private final InMemoryHeldRevocations held = new InMemoryHeldRevocations();
    private final GrantOwners grants = new TestAuthority.InMemoryGrants();
    private final EarlyRevocations early = new EarlyRevocations(held, grants, GRACE, clock);

    @Test
    void keepsARevocationUntilItsGrantIsVerifiedThenReleasesIt() {
        early.hold(Domain.PATIENT, "grant-1", event(7));

        assertThat(early.due(Map.of()).isEmpty()).isTrue();
        assertThat(early.due(Map.of(Domain.PATIENT, Set.of("grant-2"))).isEmpty())
                .isTrue();
        assertThat(early.due(Map.of(Domain.PRACTITIONER, Set.of("grant-1"))).isEmpty())
                .as("a grant of the other domain is another grant")
                .isTrue();

        grants.remember(Domain.PATIENT, "grant-1", "alice");
        EarlyRevocations.Due due = early.due(Map.of(Domain.PATIENT, Set.of("grant-1")));

        assertThat(due.expired()).isEmpty();
        assertThat(due.released()).singleElement().satisfies(revocation -> {
            assertThat(revocation.grantId()).isEqualTo("grant-1");
            assertThat(revocation.firstSeen()).isEqualTo(START);
            assertThat(revocation.event().offset()).isEqualTo(7);
        });
        early.forget(due.released());
        assertThat(held.all()).isEmpty();
    }

    @Test
    void deadLettersARevocationWhoseGrantNeverComesOnceTheGraceFromItsFirstSightHasPassed() {
        early.hold(Domain.PATIENT, "grant-1", event(7));
        clock.advance(GRACE.minusSeconds(1));
        // Read again (a redelivery after a restart): the first sight stays.
        early.hold(Domain.PATIENT, "grant-1", event(7));
        assertThat(early.due(Map.of()).isEmpty()).isTrue();

        clock.advance(Duration.ofSeconds(1));
        EarlyRevocations.Due due = early.due(Map.of());

        assertThat(due.released()).isEmpty();
        assertThat(due.expired()).singleElement().satisfies(expired -> {
            assertThat(expired.revocation().grantId()).isEqualTo("grant-1");
            assertThat(expired.reason())
                    .isEqualTo("revocation of grant grant-1 names a grant this ledger writer has not verified within"
                            + " 10m of first reading the revocation");
        });
    }

    @Test
    void releasesAnExpiredRevocationWhoseGrantWasVerifiedMeanwhileInsteadOfDeadLetteringIt() {
        early.hold(Domain.PRACTITIONER, "grant-1", event(7));
        grants.remember(Domain.PRACTITIONER, "grant-1", "alice");
        clock.advance(GRACE.plusMinutes(1));

        EarlyRevocations.Due due = early.due(Map.of());

        assertThat(due.expired()).isEmpty();
        assertThat(due.released()).extracting(HeldRevocation::grantId).containsExactly("grant-1");
    }

    @Test
    void refusesAGraceThatIsNotPositive() {
        assertThatThrownBy(() -> new EarlyRevocations(held, grants, Duration.ZERO, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ConsumedEvent event(long offset) {
        return new ConsumedEvent(
                "hrm.patient.consent-revoked",
                1,
                offset,
                "alice",
                "{}".getBytes(StandardCharsets.UTF_8),
                Map.of("hrm-event-type", "ConsentRevoked".getBytes(StandardCharsets.UTF_8)));
    }
}
