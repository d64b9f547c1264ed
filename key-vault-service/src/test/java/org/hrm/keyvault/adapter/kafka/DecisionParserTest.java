package org.hrm.keyvault.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hrm.keyvault.TestEvents.consumed;
import static org.hrm.keyvault.TestEvents.json;
import static org.hrm.keyvault.TestEvents.utf8;

import java.util.UUID;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.AccessBasis;
import org.hrm.contracts.events.AccessDecided;
import org.hrm.keyvault.TestConsent;
import org.hrm.keyvault.domain.DecisionBasis;
import org.hrm.keyvault.domain.RecordDomain;
import org.junit.jupiter.api.Test;

class DecisionParserTest {
    private static final String PATIENT_TOPIC = Topic.ACCESS_DECIDED.name(Domain.PATIENT);
    private static final String TYPE = "AccessDecided";

    private final DecisionParser parser = new DecisionParser(new EventCodec(4096));
    private final TestConsent consent = TestConsent.generate();
    private final AccessDecided event = consent.allow(
            Domain.PATIENT,
            UUID.randomUUID().toString(),
            AccessBasis.GRANT,
            "doctor-1",
            UUID.randomUUID().toString());

    @Test
    void mapsAValidDecisionWithTheBytesItsSignatureCovers() {
        ParsedDecision parsed = parser.parse(consumed(PATIENT_TOPIC, TYPE, event.recordId(), json(event)));

        assertThat(parsed.accepted()).isTrue();
        assertThat(parsed.decision().domain()).isEqualTo(RecordDomain.PATIENT);
        assertThat(parsed.decision().basis()).isEqualTo(DecisionBasis.GRANT);
        assertThat(parsed.decision().grantId()).isEqualTo(event.grantId());
        assertThat(parsed.decision().expiresAt()).isEqualTo(event.expiresAt());
        assertThat(parsed.decision().signedBytes()).isEqualTo(event.signedBytes());
        assertThat(parsed.decision().signature()).isEqualTo(event.signature());
    }

    @Test
    void refusesARecordOfAnotherType() {
        ParsedDecision parsed = parser.parse(consumed(PATIENT_TOPIC, "RecordSubmitted", "k", json(event)));

        assertThat(parsed.refusal()).isEqualTo("unknown event type 'RecordSubmitted'");
    }

    @Test
    void refusesMalformedJson() {
        ParsedDecision parsed = parser.parse(consumed(PATIENT_TOPIC, TYPE, "k", utf8("{\"requestId\": ")));

        assertThat(parsed.refusal()).startsWith("malformed AccessDecided");
    }

    @Test
    void refusesADecisionWithoutASignature() {
        String unsigned = new String(json(event)).replace("\"signature\"", "\"sig\"");

        ParsedDecision parsed = parser.parse(consumed(PATIENT_TOPIC, TYPE, "k", utf8(unsigned)));

        assertThat(parsed.refusal()).isEqualTo("invalid AccessDecided: missing field signature");
    }

    @Test
    void refusesADecisionWhoseDomainIsNotItsTopics() {
        String practitionerTopic = Topic.ACCESS_DECIDED.name(Domain.PRACTITIONER);

        ParsedDecision parsed = parser.parse(consumed(practitionerTopic, TYPE, "k", json(event)));

        assertThat(parsed.refusal())
                .isEqualTo("domain mismatch: topic hrm.practitioner.access-decided carries PRACTITIONER decisions,"
                        + " the event says PATIENT");
    }

    @Test
    void refusesAGrantIdThatCannotBeALedgerTopic() {
        AccessDecided badGrant =
                consent.allow(Domain.PATIENT, event.recordId(), AccessBasis.GRANT, "doctor-1", "grant-7");

        ParsedDecision parsed = parser.parse(consumed(PATIENT_TOPIC, TYPE, "k", json(badGrant)));

        assertThat(parsed.refusal()).isEqualTo("invalid AccessDecided: grantId must be a UUID");
    }

    @Test
    void refusesARecordFromATopicThatCarriesNoDecisions() {
        ParsedDecision parsed =
                parser.parse(consumed(Topic.RECORD_SUBMITTED.name(Domain.PATIENT), TYPE, "k", json(event)));

        assertThat(parsed.refusal()).isEqualTo("topic hrm.patient.record-submitted is not an access-decided topic");
    }
}
