package org.hrm.gateway.adapter.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.UUID;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.AuditEvent;
import org.hrm.gateway.application.PlatformUnavailable;
import org.junit.jupiter.api.Test;

/** The gateway's own audit events carry every event's headers; a send the broker refuses is the platform down. */
class KafkaCommandsTest {
    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());

    @Test
    void anAuditEventGoesToTheGatewaysAuditTopicUnderItsPatientWithEveryEventsHeaders() throws Exception {
        try (KafkaCommands commands = new KafkaCommands(producer, Clock.systemUTC(), new SimpleMeterRegistry())) {
            Thread sender = acknowledgeWhenSent(null);

            commands.audit(event());
            sender.join();

            ProducerRecord<String, byte[]> sent = producer.history().get(0);
            assertThat(sent.topic()).isEqualTo(Topic.GATEWAY_AUDIT.topicName());
            assertThat(sent.key()).isEqualTo(event().patientId());
            assertThat(header(sent, EventHeaders.EVENT_TYPE)).isEqualTo(EventCodec.typeName(AuditEvent.class));
            assertThat(header(sent, EventHeaders.SCHEMA_VERSION)).isEqualTo(String.valueOf(EventCodec.SCHEMA_VERSION));
            assertThat(UUID.fromString(header(sent, EventHeaders.EVENT_ID))).isNotNull();
            assertThat(header(sent, EventHeaders.TRACE_PARENT)).isNotBlank();
        }
    }

    @Test
    void aSendTheBrokerRefusesMakesThePlatformUnavailable() throws Exception {
        try (KafkaCommands commands = new KafkaCommands(producer, Clock.systemUTC(), new SimpleMeterRegistry())) {
            Thread sender = acknowledgeWhenSent(new IllegalStateException("not enough replicas"));

            assertThatThrownBy(() -> commands.audit(event())).isInstanceOf(PlatformUnavailable.class);
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

    private static AuditEvent event() {
        return ViewFeedsAuditTest.event("read");
    }
}
