package org.hrm.gateway.adapter.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.AuditEvent;
import org.hrm.contracts.events.ErasureRequested;
import org.hrm.gateway.application.AuditEntry;
import org.hrm.gateway.application.SignedStatement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The gateway sends each statement as the event it carries, and its own audit events as signed and encoded. */
class KafkaCommandsTest {
    private final EventCodec codec = new EventCodec();
    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    private final KafkaCommands commands = new KafkaCommands(producer, Clock.systemUTC(), new SimpleMeterRegistry());

    @AfterEach
    void close() throws Exception {
        commands.close();
    }

    @Test
    void aStatementGoesOutAsTheEventItCarriesByteForByte() {
        ErasureRequested request = new ErasureRequested(
                UUID.randomUUID().toString(),
                Domain.PATIENT,
                "patient-erasing",
                UUID.randomUUID().toString(),
                Instant.parse("2026-12-06T10:00:00.123456789Z"),
                new byte[64],
                null);

        commands.requestErasure(new SignedStatement(codec.encode(request)));

        assertThat(producer.history()).singleElement().satisfies(sent -> {
            assertThat(sent.topic()).isEqualTo(Topic.ERASURE_REQUESTED.name(Domain.PATIENT));
            assertThat(sent.value()).isEqualTo(codec.encode(request));
        });
    }

    @Test
    void anAuditEntryGoesOutAsWrittenKeyedByItsPatient() {
        byte[] written = "{\"id\" : \"as signed\"}".getBytes(UTF_8);

        commands.audit(new AuditEntry("event-1", "patient-audited", written));

        ProducerRecord<String, byte[]> sent = producer.history().get(0);
        assertThat(sent.topic()).isEqualTo(Topic.GATEWAY_AUDIT.topicName());
        assertThat(sent.key()).isEqualTo("patient-audited");
        assertThat(sent.value()).isEqualTo(written);
        assertThat(new String(sent.headers().lastHeader(EventHeaders.EVENT_TYPE).value(), UTF_8))
                .isEqualTo(EventCodec.typeName(AuditEvent.class));
    }
}
