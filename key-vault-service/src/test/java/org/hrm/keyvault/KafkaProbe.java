package org.hrm.keyvault;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.Topic;

/** The test's side of Kafka: sends submissions and reads what the vault published (sealed and dead letters). */
public final class KafkaProbe implements AutoCloseable {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    public KafkaProbe(String bootstrapServers) {
        producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                        2 * 1024 * 1024),
                new StringSerializer(),
                new ByteArraySerializer());
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = Stream.concat(
                        Topic.RECORD_SEALED.allNames().stream(), Stream.of(Topic.KEY_VAULT_DEAD_LETTER.topicName()))
                .flatMap(topic ->
                        consumer.partitionsFor(topic).stream().map(info -> new TopicPartition(topic, info.partition())))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Sends and waits for the broker's acknowledgement; {@code type} null sends no type header. */
    public void send(String topic, String key, byte[] value, String type) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        if (type != null) {
            record.headers().add(EventHeaders.EVENT_TYPE, type.getBytes(StandardCharsets.UTF_8));
        }
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("test send failed", e);
        }
    }

    public List<ConsumerRecord<String, byte[]>> awaitSealed(Domain domain, String recordId, int count) {
        return await(
                record -> record.topic().equals(Topic.RECORD_SEALED.name(domain)) && recordId.equals(record.key()),
                count);
    }

    public ConsumerRecord<String, byte[]> awaitDeadLetter(String key) {
        return await(
                        record -> record.topic().equals(Topic.KEY_VAULT_DEAD_LETTER.topicName())
                                && key.equals(record.key()),
                        1)
                .get(0);
    }

    /** How many records with this key reached the domain's record-sealed topic so far. */
    public long sealedCount(Domain domain, String recordId) {
        drain();
        return seen.stream()
                .filter(record ->
                        record.topic().equals(Topic.RECORD_SEALED.name(domain)) && recordId.equals(record.key()))
                .count();
    }

    /** How many dead letters with this key arrived so far. */
    public long deadLetterCount(String key) {
        drain();
        return seen.stream()
                .filter(record ->
                        record.topic().equals(Topic.KEY_VAULT_DEAD_LETTER.topicName()) && key.equals(record.key()))
                .count();
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private List<ConsumerRecord<String, byte[]>> await(Predicate<ConsumerRecord<String, byte[]>> wanted, int count) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            List<ConsumerRecord<String, byte[]>> matching =
                    seen.stream().filter(wanted).toList();
            if (matching.size() >= count) {
                return matching;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("expected " + count + " records, saw " + matching.size());
            }
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
    }

    private void drain() {
        consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
    }

    @Override
    public void close() {
        producer.close();
        consumer.close();
    }
}
