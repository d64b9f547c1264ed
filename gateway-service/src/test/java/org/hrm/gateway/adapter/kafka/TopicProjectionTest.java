package org.hrm.gateway.adapter.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.InvalidEventException;
import org.hrm.contracts.ServiceName;
import org.hrm.contracts.Topic;
import org.hrm.messaging.DeadLetters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An unreadable event, or one of a schema version the gateway does not read, is dead-lettered with its reason and the
 * reader reads on; any other failure stops it.
 */
class TopicProjectionTest {
    private static final String TOPIC = "hrm.patient.record-committed";
    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
    private final List<String> applied = new CopyOnWriteArrayList<>();
    private final List<String> deadLettered = new CopyOnWriteArrayList<>();
    private final List<String> counted = new CopyOnWriteArrayList<>();
    private TopicProjection reader;

    @AfterEach
    void close() {
        reader.close();
    }

    @Test
    void anUnreadableEventIsDeadLetteredWithItsReasonAndTheReaderReadsOn() {
        reader = reader(bytes -> {
            String text = new String(bytes, UTF_8);
            if (text.startsWith("bad")) {
                throw new InvalidEventException("malformed RecordCommitted: missing recordId");
            }
            applied.add(text);
        });

        reader.start();
        send(0, "first");
        send(1, "bad one");
        send(2, "second");

        await(() -> applied.size() == 2);
        assertThat(applied).containsExactly("first", "second");
        assertThat(deadLettered).containsExactly(TOPIC + "@1: malformed RecordCommitted: missing recordId");
        assertThat(counted).containsExactly("malformed RecordCommitted: missing recordId");
        assertThat(reader.alive()).isTrue();
    }

    @Test
    void anEventOfAnotherSchemaVersionIsDeadLetteredUnread() {
        reader = reader(bytes -> applied.add(new String(bytes, UTF_8)));

        reader.start();
        send(0, "first");
        send(1, "from the future", "99");
        send(2, "second");

        await(() -> applied.size() == 2);
        assertThat(applied).containsExactly("first", "second");
        assertThat(deadLettered)
                .singleElement()
                .satisfies(reason -> assertThat(reason).startsWith(TOPIC + "@1: unsupported schema version '99'"));
    }

    @Test
    void anUnexpectedFailureStopsTheReaderWithItsReason() {
        reader = reader(bytes -> {
            throw new IllegalStateException("database unreachable");
        });

        reader.start();
        send(0, "first");

        await(() -> !reader.alive());
        assertThat(reader.failure())
                .hasValueSatisfying(reason -> assertThat(reason).contains("database unreachable"));
        assertThat(deadLettered).isEmpty();
        assertThat(counted).isEmpty();
    }

    private TopicProjection reader(java.util.function.Consumer<byte[]> handler) {
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, null, null, null)));
        consumer.updateBeginningOffsets(Map.of(partition, 0L));
        return new TopicProjection(
                consumer,
                Map.of(TOPIC, handler),
                new DeadLetters(this::sent, Topic.GATEWAY_DEAD_LETTER, ServiceName.GATEWAY),
                counted::add,
                new SimpleMeterRegistry());
    }

    private CompletableFuture<?> sent(ProducerRecord<String, byte[]> deadLetter) {
        assertThat(deadLetter.topic()).isEqualTo(Topic.GATEWAY_DEAD_LETTER.topicName());
        deadLettered.add(header(deadLetter, EventHeaders.DLT_ORIGINAL_TOPIC) + "@"
                + header(deadLetter, EventHeaders.DLT_ORIGINAL_OFFSET) + ": "
                + header(deadLetter, EventHeaders.DLT_REASON));
        return CompletableFuture.completedFuture(null);
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), UTF_8);
    }

    private void send(long offset, String value) {
        consumer.schedulePollTask(
                () -> consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, offset, "key", value.getBytes(UTF_8))));
    }

    private void send(long offset, String value, String schemaVersion) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(TOPIC, 0, offset, "key", value.getBytes(UTF_8));
        record.headers().add(EventHeaders.SCHEMA_VERSION, schemaVersion.getBytes(UTF_8));
        consumer.schedulePollTask(() -> consumer.addRecord(record));
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(condition.getAsBoolean()).as("within 10 s").isTrue();
    }
}
