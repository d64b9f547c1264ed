package org.hrm.contracts.authority;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.hrm.contracts.AuthorityFixtures;
import org.hrm.contracts.Domain;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.AuditEvent;
import org.hrm.crypto.P256KeyPair;
import org.junit.jupiter.api.Test;

class AuditAuthorityTest {
    private static final String CONSENT_AUDIT = Topic.AUDIT.topicName();
    private static final String GATEWAY_AUDIT = Topic.GATEWAY_AUDIT.topicName();

    private final AuditAuthority authority = new AuditAuthority(
            AuthorityFixtures.CONSENT.publicKey(),
            AttestationKeys.of(Map.of(AuthorityFixtures.GATEWAY_KEY_ID, AuthorityFixtures.GATEWAY.publicKey())));

    @Test
    void eachAuditTopicBelievesOnlyItsOwnProducer() {
        AuditEvent byConsent = AuthorityFixtures.auditEvent();
        AuditEvent byGateway = unsigned().signedBy(AuthorityFixtures.GATEWAY);

        assertThat(authority.refusal(CONSENT_AUDIT, byConsent)).isEmpty();
        assertThat(authority.refusal(GATEWAY_AUDIT, byGateway)).isEmpty();
        assertThat(authority.refusal(GATEWAY_AUDIT, byConsent))
                .contains("audit event not signed by a trusted gateway attestation key");
        assertThat(authority.refusal(CONSENT_AUDIT, byGateway))
                .contains("audit event not signed by consent-service's decision key");
        assertThat(authority.refusal(Topic.KEY_VAULT_DEAD_LETTER.topicName(), byConsent))
                .contains("not an audit topic: hrm.dlt.key-vault");
    }

    @Test
    void anUnsignedOrForgedOrAlteredEventIsRefused() {
        AuditEvent signed = AuthorityFixtures.auditEvent();
        AuditEvent emergencyAdded = new AuditEvent(
                signed.id(),
                signed.type(),
                signed.subtype(),
                signed.action(),
                signed.recorded(),
                signed.outcome(),
                signed.outcomeDesc(),
                signed.agent(),
                signed.entity(),
                signed.purposeOfEvent(),
                true,
                signed.domain(),
                signed.patientId(),
                signed.signature());

        assertThat(authority.refusal(CONSENT_AUDIT, unsigned())).contains("unsigned audit event");
        assertThat(authority.refusal(CONSENT_AUDIT, unsigned().signedBy(P256KeyPair.generate())))
                .contains("audit event not signed by consent-service's decision key");
        assertThat(authority.refusal(CONSENT_AUDIT, emergencyAdded))
                .contains("audit event not signed by consent-service's decision key");
    }

    @Test
    void anAbsentTextAndAnEmptyOneSignDifferently() {
        AuditEvent absent = new AuditEvent(
                "id-1",
                "rest",
                null,
                "R",
                AuthorityFixtures.auditEvent().recorded(),
                "0",
                null,
                List.of(new AuditEvent.Agent("p", null, true)),
                List.of(),
                null,
                false,
                null,
                "patient-alice");
        AuditEvent empty = new AuditEvent(
                "id-1",
                "rest",
                "",
                "R",
                AuthorityFixtures.auditEvent().recorded(),
                "0",
                null,
                List.of(new AuditEvent.Agent("p", null, true)),
                List.of(),
                null,
                false,
                null,
                "patient-alice");

        assertThat(absent.signedBytes()).isNotEqualTo(empty.signedBytes());
    }

    private static AuditEvent unsigned() {
        AuditEvent signed = AuthorityFixtures.auditEvent();
        return new AuditEvent(
                signed.id(),
                signed.type(),
                signed.subtype(),
                signed.action(),
                signed.recorded(),
                signed.outcome(),
                signed.outcomeDesc(),
                signed.agent(),
                signed.entity(),
                signed.purposeOfEvent(),
                signed.emergency(),
                Domain.PATIENT,
                signed.patientId());
    }
}
