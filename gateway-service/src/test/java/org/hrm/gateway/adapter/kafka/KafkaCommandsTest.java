package org.hrm.gateway.adapter.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.hrm.gateway.application.PlatformUnavailable;
import org.hrm.gateway.application.SignedStatement;
import org.junit.jupiter.api.Test;

/**
 * The gateway sends each statement as the event it carries, and its own audit events as signed and encoded, with
 * every event's headers; a send the broker refuses is the platform down.
 */
class KafkaCommandsTest {
    private final EventCodec codec = new EventCodec();
    /** Acknowledges each send when the test says so. */
    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
    /** Acknowledges each send at once. */
    private final MockProducer<String, byte[]> acknowledging =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());

    @Test
    void aStatementGoesOutAsTheEventItCarriesByteForByte() throws Exception {
        ErasureRequested request = new ErasureRequested(
                UUID.randomUUID().toString(),
                Domain.PATIENT,
                "patient-erasing",
                UUID.randomUUID().toString(),
                Instant.parse("2026-12-06T10:00:00.123456789Z"),
                new byte[64],
                null);

        try (KafkaCommands commands = new KafkaCommands(acknowledging, Clock.systemUTC(), new SimpleMeterRegistry())) {
            commands.requestErasure(new SignedStatement(codec.encode(request)));
        }

        assertThat(acknowledging.history()).singleElement().satisfies(sent -> {
            assertThat(sent.topic()).isEqualTo(Topic.ERASURE_REQUESTED.name(Domain.PATIENT));
            assertThat(sent.value()).isEqualTo(codec.encode(request));
        });
    }

    @Test
    void anAuditEntryGoesOutAsWrittenKeyedByItsPatientWithEveryEventsHeaders() throws Exception {
        byte[] written = "{\"id\" : \"as signed\"}".getBytes(UTF_8);

        try (KafkaCommands commands = new KafkaCommands(producer, Clock.systemUTC(), new SimpleMeterRegistry())) {
            Thread sender = acknowledgeWhenSent(null);
            commands.audit(new AuditEntry("event-1", "patient-audited", written));
            sender.join();
        }

        ProducerRecord<String, byte[]> sent = producer.history().get(0);
        assertThat(sent.topic()).isEqualTo(Topic.GATEWAY_AUDIT.topicName());
        assertThat(sent.key()).isEqualTo("patient-audited");
        assertThat(sent.value()).isEqualTo(written);
        assertThat(header(sent, EventHeaders.EVENT_TYPE)).isEqualTo(EventCodec.typeName(AuditEvent.class));
        assertThat(header(sent, EventHeaders.SCHEMA_VERSION)).isEqualTo(String.valueOf(EventCodec.SCHEMA_VERSION));
        assertThat(UUID.fromString(header(sent, EventHeaders.EVENT_ID))).isNotNull();
        assertThat(header(sent, EventHeaders.TRACE_PARENT)).isNotBlank();
    }

    @Test
    void aSendTheBrokerRefusesMakesThePlatformUnavailable() throws Exception {
        AuditEvent event = ViewFeedsAuditTest.event("read");
        AuditEntry entry = new AuditEntry(event.id(), event.patientId(), codec.encode(event));

        try (KafkaCommands commands = new KafkaCommands(producer, Clock.systemUTC(), new SimpleMeterRegistry())) {
            Thread sender = acknowledgeWhenSent(new IllegalStateException("not enough replicas"));

            assertThatThrownBy(() -> commands.audit(entry)).isInstanceOf(PlatformUnavailable.class);
            sender.join();
        }
    }

    private Thread acknowledgeWhenSent(RuntimeException failure) {
        Thread sender = new Thread(() -> {
            while (producer.history().isEmpty()) {
                Thread.onSpinWait();
            }
            if (failure == null) {
                producer.completeNext();
            } else {
                producer.errorNext(failure);
            }
        });
        sender.setDaemon(true);
        sender.start();
        return sender;
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), UTF_8);
    }
}
