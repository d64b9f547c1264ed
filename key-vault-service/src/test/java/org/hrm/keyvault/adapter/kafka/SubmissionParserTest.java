package org.hrm.keyvault.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hrm.keyvault.TestEvents.SUBMITTED_TYPE;
import static org.hrm.keyvault.TestEvents.consumed;
import static org.hrm.keyvault.TestEvents.json;
import static org.hrm.keyvault.TestEvents.utf8;

import java.util.List;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.KeyShare;
import org.hrm.contracts.events.RecordSubmitted;
import org.hrm.keyvault.TestEvents;
import org.hrm.keyvault.domain.RecordDomain;
import org.junit.jupiter.api.Test;

class SubmissionParserTest {
    private static final String PATIENT_TOPIC = Topic.RECORD_SUBMITTED.name(Domain.PATIENT);

    private final SubmissionParser parser = new SubmissionParser(new EventCodec(4096));
    private final RecordSubmitted event = TestEvents.submitted(Domain.PATIENT, "patient-1");

    @Test
    void acceptsAValidSubmissionAndMapsItToTheVaultsDomain() {
        ParsedRecord parsed = parser.parse(consumed(PATIENT_TOPIC, SUBMITTED_TYPE, event.recordId(), json(event)));

        assertThat(parsed.accepted()).isTrue();
        assertThat(parsed.submission().recordId()).isEqualTo(event.recordId());
        assertThat(parsed.submission().domain()).isEqualTo(RecordDomain.PATIENT);
        assertThat(parsed.submission().innerCiphertext()).isEqualTo(event.innerCiphertext());
        assertThat(parsed.submission().shares()).hasSize(2);
    }

    @Test
    void refusesARecordWithoutTypeHeader() {
        ParsedRecord parsed = parser.parse(consumed(PATIENT_TOPIC, null, "k", json(event)));

        assertThat(parsed.refusal()).isEqualTo("unknown event type (no hrm-event-type header)");
    }

    @Test
    void refusesARecordOfAnotherType() {
        ParsedRecord parsed = parser.parse(consumed(PATIENT_TOPIC, "ConsentGranted", "k", json(event)));

        assertThat(parsed.refusal()).isEqualTo("unknown event type 'ConsentGranted'");
    }

    @Test
    void refusesASchemaVersionItDoesNotRead() {
        var record = consumed(PATIENT_TOPIC, SUBMITTED_TYPE, event.recordId(), json(event));
        record.headers().add(EventHeaders.SCHEMA_VERSION, utf8("3"));

        ParsedRecord parsed = parser.parse(record);

        assertThat(parsed.refusal()).isEqualTo("unsupported schema version '3': this consumer reads version 2");
    }

    @Test
    void refusesAShareThatCannotBeAnHpkeKeyShare() {
        RecordSubmitted withBadShare = new RecordSubmitted(
                event.recordId(),
                event.domain(),
                event.ownerId(),
                event.authorId(),
                event.innerCiphertext(),
                List.of(event.shares().get(0), new KeyShare("reader-2", new byte[] {4, 1, 2, 3, 4})),
                event.authorSignature(),
                event.submittedAt(),
                event.category());

        ParsedRecord parsed =
                parser.parse(consumed(PATIENT_TOPIC, SUBMITTED_TYPE, event.recordId(), json(withBadShare)));

        assertThat(parsed.refusal())
                .startsWith("share of reader reader-2 is not an envelope v2 HPKE key share (5 bytes");
    }

    @Test
    void sharesMustHaveTheShapeOfTheEnvelopeVersion() {
        byte[] v1Share = TestEvents.randomBytes(113);
        v1Share[0] = 0x04;
        byte[] v1Envelope = event.innerCiphertext().clone();
        v1Envelope[0] = 0x01;
        byte[] unknownEnvelope = event.innerCiphertext().clone();
        unknownEnvelope[0] = 0x03;

        ParsedRecord v1 = parser.parse(withC1AndShare(v1Envelope, v1Share));
        ParsedRecord v2WithV1Share = parser.parse(withC1AndShare(event.innerCiphertext(), v1Share));
        ParsedRecord unknown = parser.parse(withC1AndShare(unknownEnvelope, TestEvents.keyShare()));

        assertThat(v1.accepted()).isTrue();
        assertThat(v2WithV1Share.refusal()).contains("not an envelope v2 HPKE key share (113 bytes, expected 145");
        assertThat(unknown.refusal()).isEqualTo("unsupported envelope version 3");
    }

    private org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> withC1AndShare(byte[] c1, byte[] share) {
        RecordSubmitted changed = new RecordSubmitted(
                event.recordId(),
                event.domain(),
                event.ownerId(),
                event.authorId(),
                c1,
                List.of(new KeyShare(event.ownerId(), share)),
                event.authorSignature(),
                event.submittedAt());
        return consumed(PATIENT_TOPIC, SUBMITTED_TYPE, event.recordId(), json(changed));
    }

    @Test
    void refusesMalformedJson() {
        ParsedRecord parsed = parser.parse(consumed(PATIENT_TOPIC, SUBMITTED_TYPE, "k", utf8("{\"recordId\": ")));

        assertThat(parsed.refusal()).startsWith("malformed RecordSubmitted");
    }

    @Test
    void refusesAnEventWithAMissingField() {
        String withoutOwner = new String(json(event)).replace("\"ownerId\"", "\"ownerIdentifier\"");

        ParsedRecord parsed = parser.parse(consumed(PATIENT_TOPIC, SUBMITTED_TYPE, "k", utf8(withoutOwner)));

        assertThat(parsed.refusal()).isEqualTo("invalid RecordSubmitted: missing field ownerId");
    }

    @Test
    void refusesAnOversizedEvent() {
        ParsedRecord parsed = parser.parse(consumed(PATIENT_TOPIC, SUBMITTED_TYPE, "k", new byte[5000]));

        assertThat(parsed.refusal()).isEqualTo("oversized event: 5000 bytes, limit 4096");
    }

    @Test
    void refusesAnUnknownDomain() {
        String dentist = new String(json(event)).replace("\"PATIENT\"", "\"DENTIST\"");

        ParsedRecord parsed = parser.parse(consumed(PATIENT_TOPIC, SUBMITTED_TYPE, "k", utf8(dentist)));

        assertThat(parsed.refusal()).startsWith("malformed RecordSubmitted").contains("DENTIST");
    }

    @Test
    void refusesAnEventWhoseDomainIsNotItsTopics() {
        String practitionerTopic = Topic.RECORD_SUBMITTED.name(Domain.PRACTITIONER);

        ParsedRecord parsed = parser.parse(consumed(practitionerTopic, SUBMITTED_TYPE, "k", json(event)));

        assertThat(parsed.refusal())
                .isEqualTo("domain mismatch: topic hrm.practitioner.record-submitted carries PRACTITIONER records,"
                        + " the event says PATIENT");
    }

    @Test
    void refusesAnEmptyValue() {
        ParsedRecord parsed = parser.parse(consumed(PATIENT_TOPIC, SUBMITTED_TYPE, "k", null));

        assertThat(parsed.refusal()).isEqualTo("empty event");
    }
}
