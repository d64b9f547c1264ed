package org.hrm.contracts.authority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.hrm.contracts.AuthorityFixtures;
import org.hrm.contracts.events.Attestation;
import org.junit.jupiter.api.Test;

class AttestationRuleTest {
    private static final Instant AT = Instant.parse("2026-12-01T09:00:00Z");
    private static final byte[] STATEMENT = "statement".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final AttestationKeys trusted = AuthorityFixtures.trusted();

    @Test
    void validWithinTheWindowEitherWayAndNotBeyond() {
        Attestation early = AuthorityFixtures.attest("p", "register", STATEMENT, AT.minus(AttestationRule.WINDOW));
        Attestation late = AuthorityFixtures.attest("p", "register", STATEMENT, AT.plus(AttestationRule.WINDOW));
        Attestation tooLate = AuthorityFixtures.attest(
                "p", "register", STATEMENT, AT.plus(AttestationRule.WINDOW).plusSeconds(1));

        assertThat(AttestationRule.refusal(early, trusted, "p", "register", STATEMENT, AT))
                .isEmpty();
        assertThat(AttestationRule.refusal(late, trusted, "p", "register", STATEMENT, AT))
                .isEmpty();
        assertThat(AttestationRule.refusal(tooLate, trusted, "p", "register", STATEMENT, AT))
                .contains("attestation issued 301 s from the statement's time (window 300 s)");
    }

    @Test
    void boundToExactlyOneStatementSubjectAndPurpose() {
        Attestation attestation = AuthorityFixtures.attest("p", "register", STATEMENT, AT);

        assertThat(AttestationRule.refusal(attestation, trusted, "p", "register", "other".getBytes(), AT))
                .contains("attestation is bound to another statement");
        assertThat(AttestationRule.refusal(attestation, trusted, "q", "register", STATEMENT, AT))
                .contains("attestation is for p, not q");
        assertThat(AttestationRule.refusal(attestation, trusted, "p", "erasure", STATEMENT, AT))
                .contains("attestation is for 'register', not 'erasure'");
        assertThat(AttestationRule.refusal(null, trusted, "p", "register", STATEMENT, AT))
                .contains("no attestation");
    }

    @Test
    void trustedKeysMustBeP256Points() {
        assertThatThrownBy(() -> AttestationKeys.of(Map.of("k", new byte[65])))
                .hasMessageStartingWith("attestation key k: ");
        assertThat(trusted.publicKey("unknown")).isEmpty();
    }
}
