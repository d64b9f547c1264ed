package org.hrm.consent.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.AccessRequested;
import org.hrm.contracts.events.PartyKind;
import org.hrm.contracts.events.PartyRegistered;
import org.junit.jupiter.api.Test;

class EventParserTest {
    private static final String PATIENT_REQUESTS = Topic.ACCESS_REQUESTED.name(Domain.PATIENT);

    private final EventParser parser = new EventParser(new EventCodec(4096));
    private final EventCodec codec = new EventCodec();

    @Test
    void decodesAValidRequestOfTheTopicsDomain() {
        ConsumedEvent<AccessRequested> parsed =
                parse(consumed("AccessRequested", codec.encode(request(Domain.PATIENT))));

        assertThat(parsed.accepted()).isTrue();
        assertThat(parsed.event().requesterId()).isEqualTo("alice");
    }

    @Test
    void refusesARequestWhosePayloadNamesTheOtherDomain() {
        ConsumedEvent<AccessRequested> parsed =
                parse(consumed("AccessRequested", codec.encode(request(Domain.PRACTITIONER))));

        assertThat(parsed.refusal())
                .isEqualTo("domain mismatch: topic hrm.patient.access-requested carries PATIENT events, the event says"
                        + " PRACTITIONER");
    }

    @Test
    void refusesAMissingOrWrongTypeHeader() {
        byte[] json = codec.encode(request(Domain.PATIENT));

        assertThat(parse(consumed(null, json)).refusal()).isEqualTo("unknown event type (no hrm-event-type header)");
        assertThat(parse(consumed("ConsentGranted", json)).refusal()).isEqualTo("unknown event type 'ConsentGranted'");
    }

    @Test
    void refusesASchemaVersionItDoesNotReadAndReadsAnAbsentVersionAsTheCurrentOne() {
        ConsumerRecord<String, byte[]> future = consumed("AccessRequested", codec.encode(request(Domain.PATIENT)));
        future.headers().add(EventHeaders.SCHEMA_VERSION, utf8("99"));
        ConsumerRecord<String, byte[]> current = consumed("AccessRequested", codec.encode(request(Domain.PATIENT)));
        current.headers().add(EventHeaders.SCHEMA_VERSION, utf8("2"));

        assertThat(parse(future).refusal()).isEqualTo("unsupported schema version '99': this consumer reads version 2");
        assertThat(parse(current).accepted()).isTrue();
        assertThat(parse(consumed("AccessRequested", codec.encode(request(Domain.PATIENT))))
                        .accepted())
                .isTrue();
    }

    @Test
    void refusesMalformedJsonMissingFieldsAndOversizedEvents() {
        String withoutRequester =
                new String(codec.encode(request(Domain.PATIENT)), StandardCharsets.UTF_8).replace("requesterId", "who");

        assertThat(parse(consumed("AccessRequested", utf8("{\"requestId\": "))).refusal())
                .startsWith("malformed AccessRequested");
        assertThat(parse(consumed("AccessRequested", utf8(withoutRequester))).refusal())
                .isEqualTo("invalid AccessRequested: missing field requesterId");
        assertThat(parse(consumed("AccessRequested", new byte[5000])).refusal())
                .isEqualTo("oversized event: 5000 bytes, limit 4096");
    }

    @Test
    void decodesEventsOfTopicsThatAreNotPerDomain() {
        PartyRegistered party = new PartyRegistered("alice", PartyKind.PATIENT, new byte[65], null, Instant.now());
        ConsumerRecord<String, byte[]> record =
                new ConsumerRecord<>(Topic.PARTY_REGISTERED.topicName(), 0, 0L, "alice", codec.encode(party));
        record.headers().add(EventHeaders.EVENT_TYPE, utf8("PartyRegistered"));

        ConsumedEvent<PartyRegistered> parsed =
                parser.parse(record, Topic.PARTY_REGISTERED, PartyRegistered.class, null);

        assertThat(parsed.accepted()).isTrue();
    }

    private ConsumedEvent<AccessRequested> parse(ConsumerRecord<String, byte[]> record) {
        return parser.parse(record, Topic.ACCESS_REQUESTED, AccessRequested.class, AccessRequested::domain);
    }

    private static AccessRequested request(Domain domain) {
        return new AccessRequested(
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                domain,
                "alice",
                "TREAT",
                null,
                Instant.now());
    }

    private static ConsumerRecord<String, byte[]> consumed(String type, byte[] value) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(PATIENT_REQUESTS, 0, 42L, "k", value);
        if (type != null) {
            record.headers().add(EventHeaders.EVENT_TYPE, utf8(type));
        }
        return record;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
