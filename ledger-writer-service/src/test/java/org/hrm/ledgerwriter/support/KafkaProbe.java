package org.hrm.ledgerwriter.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hrm.contracts.EventHeaders;

/** Publishes raw events the way the key vault does and reads topics from the beginning, for assertions. */
public final class KafkaProbe implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    public KafkaProbe(String bootstrapServers, List<String> readTopics) {
        producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(),
                new ByteArraySerializer());
        consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = readTopics.stream()
                .flatMap(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream())
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Sends an event with the usual headers; {@code type} null leaves the type header out. */
    public void send(String topic, String key, byte[] value, String type) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        record.headers().add(EventHeaders.EVENT_ID, utf8(UUID.randomUUID().toString()));
        record.headers().add(EventHeaders.SCHEMA_VERSION, utf8("2"));
        if (type != null) {
            record.headers().add(EventHeaders.EVENT_TYPE, utf8(type));
        }
        producer.send(record);
    }

    public void flush() {
        producer.flush();
    }

    /**
     * Every record read so far that matches, reading on until {@code count} match, then {@code settle}
     * longer to catch extras. Each call sees all records since the probe started.
     */
    public List<ConsumerRecord<String, byte[]>> await(
            Predicate<ConsumerRecord<String, byte[]>> matching, int count, Duration timeout, Duration settle) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (matching(matching).size() < count && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
        }
        long settled = System.nanoTime() + settle.toNanos();
        while (System.nanoTime() < settled) {
            consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
        }
        return matching(matching);
    }

    private List<ConsumerRecord<String, byte[]>> matching(Predicate<ConsumerRecord<String, byte[]>> matching) {
        return seen.stream().filter(matching).toList();
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
        consumer.close();
    }
}
