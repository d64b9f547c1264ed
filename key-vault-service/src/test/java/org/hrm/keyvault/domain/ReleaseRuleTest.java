package org.hrm.keyvault.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.hrm.contracts.Domain;
import org.hrm.contracts.events.AccessBasis;
import org.hrm.contracts.events.AccessDecided;
import org.hrm.keyvault.TestConsent;
import org.junit.jupiter.api.Test;

class ReleaseRuleTest {
    private final TestConsent consent = TestConsent.generate();
    private final ConsentKey key = ConsentKey.fromSec1(consent.publicKeySec1());
    private final AccessDecided allowed =
            consent.allow(Domain.PATIENT, UUID.randomUUID().toString(), AccessBasis.OWNER, "patient-1", null);

    @Test
    void letsAValidAllowedUnexpiredDecisionThrough() {
        assertThat(ReleaseRule.refusal(decision(allowed), key, allowed.decidedAt()))
                .isEmpty();
    }

    @Test
    void passesOnConsentsOwnReasonForADenial() {
        AccessDecided denied = consent.deny(Domain.PATIENT, allowed.recordId(), "doctor-1", "no standing grant");

        assertThat(ReleaseRule.refusal(decision(denied), key, denied.decidedAt()))
                .contains("no standing grant");
    }

    @Test
    void checksTheSignatureBeforeAnythingTheDecisionSays() {
        AccessDecided forgedDenial = TestConsent.generate()
                .expired(consent.deny(Domain.PATIENT, allowed.recordId(), "doctor-1", "whatever"), Duration.ofHours(1));

        assertThat(ReleaseRule.refusal(decision(forgedDenial), key, forgedDenial.decidedAt()))
                .contains("decision signature invalid");
    }

    @Test
    void acceptsADecisionAtItsExpiryInstantAndRefusesItOneNanosecondLater() {
        ReleaseDecision decision = decision(allowed);

        assertThat(ReleaseRule.refusal(decision, key, allowed.expiresAt())).isEmpty();
        assertThat(ReleaseRule.refusal(decision, key, allowed.expiresAt().plusNanos(1)))
                .contains("decision expired");
    }

    @Test
    void saysConsentsReasonRatherThanExpiredForAnExpiredDenial() {
        AccessDecided denied = consent.expired(
                consent.deny(Domain.PATIENT, allowed.recordId(), "doctor-1", "grant expired"), Duration.ofMinutes(5));

        assertThat(ReleaseRule.refusal(decision(denied), key, denied.expiresAt().plusSeconds(1)))
                .contains("grant expired");
    }

    private static ReleaseDecision decision(AccessDecided event) {
        return TestConsent.asReleaseDecision(event);
    }
}
