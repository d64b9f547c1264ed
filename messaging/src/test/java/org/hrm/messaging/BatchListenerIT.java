package org.hrm.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.ServiceName;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.RecordSubmitted;
import org.hrm.embedded.EmbeddedKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * The library on a broker: a batch container whose listener refuses a record dead-letters it with the reason headers
 * and commits the batch; a listener that fails is retried with the same batch until it goes through, nothing
 * committed or dead-lettered meanwhile.
 */
class BatchListenerIT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final BatchRetries FAST = new BatchRetries(Duration.ofMillis(50), Duration.ofMillis(200));

    private static EmbeddedKafka kafka;
    private static KafkaTemplate<String, byte[]> template;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start(1);
        template = ProducerSettings.from(properties()).promptSends().template();
    }

    @AfterAll
    static void stopBroker() {
        template.getProducerFactory().reset();
        kafka.close();
    }

    @Test
    void aRefusedRecordIsDeadLetteredWithTheReasonAndTheBatchCommitted() throws Exception {
        String topic = "it.refused";
        DeadLetters deadLetters = new DeadLetters(template, Topic.CONSENT_DEAD_LETTER, ServiceName.CONSENT);
        ConcurrentMessageListenerContainer<String, byte[]> container = container("refusing", topic, records -> {
            List<CompletableFuture<?>> sends = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                InboundEvents.typeRefusal(record, RecordSubmitted.class)
                        .ifPresent(reason -> sends.add(deadLetters.send(record, reason)));
            }
            Acknowledgements.await(sends, PATIENCE, "dead letters");
        });
        ProducerRecord<String, byte[]> bad = new ProducerRecord<>(topic, "key-1", "{}".getBytes(UTF_8));
        bad.headers().add(EventHeaders.EVENT_TYPE, "RecordSubmitted".getBytes(UTF_8));
        bad.headers().add(EventHeaders.SCHEMA_VERSION, "99".getBytes(UTF_8));

        container.start();
        template.send(bad).get(30, TimeUnit.SECONDS);
        ConsumerRecord<String, byte[]> letter = awaitOne(Topic.CONSENT_DEAD_LETTER.topicName(), "key-1");
        container.stop();

        assertThat(header(letter, EventHeaders.DLT_REASON)).startsWith("unsupported schema version '99'");
        assertThat(header(letter, EventHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(topic);
        assertThat(header(letter, EventHeaders.DLT_SERVICE)).isEqualTo("CONSENT");
        assertThat(header(letter, EventHeaders.DLT_PAYLOAD_SHA256))
                .isEqualTo(DeadLetterRecords.digest("{}".getBytes(UTF_8)));
        assertThat(letter.value()).isNull();
        assertThat(committed("refusing", topic)).isEqualTo(1L);
    }

    @Test
    void aFailingBatchIsRetriedWholeUntilItGoesThroughAndOnlyThenCommitted() throws Exception {
        String topic = "it.failing";
        AtomicInteger attempts = new AtomicInteger();
        List<String> handled = new CopyOnWriteArrayList<>();
        ConcurrentMessageListenerContainer<String, byte[]> container = container("failing", topic, records -> {
            if (attempts.incrementAndGet() < 4) {
                assertThat(committed("failing", topic)).isNull();
                throw new IllegalStateException("database down");
            }
            records.forEach(record -> handled.add(record.key()));
        });

        container.start();
        template.send(new ProducerRecord<>(topic, "key-2", "{}".getBytes(UTF_8)))
                .get(30, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (handled.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(500);
        container.stop();

        assertThat(attempts.get()).isEqualTo(4);
        assertThat(handled).containsExactly("key-2");
        assertThat(committed("failing", topic)).isEqualTo(1L);
    }

    private static ConcurrentMessageListenerContainer<String, byte[]> container(
            String group,
            String topic,
            org.springframework.kafka.listener.BatchMessageListener<String, byte[]> listener) {
        return BatchContainers.container(
                ConsumerSettings.from(properties()).factory(), group, List.of(topic), 1, FAST, listener);
    }

    private static KafkaProperties properties() {
        KafkaProperties properties = new KafkaProperties();
        properties.setBootstrapServers(List.of(kafka.bootstrapServers()));
        return properties;
    }

    private static Long committed(String group, String topic) {
        try (var consumer = consumer(group)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            var offsets = consumer.committed(java.util.Set.of(partition));
            return offsets.get(partition) == null
                    ? null
                    : offsets.get(partition).offset();
        }
    }

    private static ConsumerRecord<String, byte[]> awaitOne(String topic, String key) {
        try (var consumer = consumer("probe-" + System.nanoTime())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no record with key " + key + " on " + topic);
    }

    private static KafkaConsumer<String, byte[]> consumer(String group) {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        group,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return InboundEvents.header(record, name);
    }
}
