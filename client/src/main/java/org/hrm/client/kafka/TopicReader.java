package org.hrm.client.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.hrm.contracts.EventHeaders;

/**
 * Reads whole topics from the beginning up to their current end, without a consumer group: how a
 * client builds a view (the party directory, an owner's standing grants) from the log.
 */
public final class TopicReader {
    private static final Duration POLL = Duration.ofMillis(100);

    private TopicReader() {}

    public static KafkaConsumer<String, byte[]> consumer(String bootstrapServers) {
        return consumer(bootstrapServers, Map.of());
    }

    /** A consumer with extra settings (the principal's security settings: protocol, SASL, trust store...). */
    public static KafkaConsumer<String, byte[]> consumer(String bootstrapServers, Map<String, ?> settings) {
        Properties config = new Properties();
        config.putAll(settings);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "hrm-client-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Every partition of the topics that exist (a topic nobody wrote to yet has none). */
    public static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer, List<String> topics) {
        return topics.stream()
                .flatMap(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                        .map(info -> new TopicPartition(topic, info.partition())))
                .toList();
    }

    /** Hands every record now in the topics to {@code sink}, oldest first per partition. */
    public static void readAll(
            String bootstrapServers, List<String> topics, Consumer<ConsumerRecord<String, byte[]>> sink) {
        readAll(bootstrapServers, Map.of(), topics, sink);
    }

    /** {@link #readAll(String, List, Consumer)} with extra consumer settings (a principal's security settings). */
    public static void readAll(
            String bootstrapServers,
            Map<String, ?> settings,
            List<String> topics,
            Consumer<ConsumerRecord<String, byte[]>> sink) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrapServers, settings)) {
            List<TopicPartition> partitions = partitions(consumer, topics);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(POLL).forEach(sink);
            }
        }
    }

    /**
     * Rereads the topics every 200 ms until {@code match} returns non-null for a record (the last such record read
     * wins), or the timeout passes: how a client waits for an answer it cannot subscribe to in advance. Tombstones
     * (null values without a dead-letter reason) are skipped; dead letters, which keep only headers, are matched.
     */
    public static <T> Optional<T> await(
            String bootstrapServers,
            List<String> topics,
            Function<ConsumerRecord<String, byte[]>, T> match,
            Duration timeout)
            throws InterruptedException {
        return await(bootstrapServers, Map.of(), topics, match, timeout);
    }

    /** {@link #await(String, List, Function, Duration)} with extra consumer settings (a principal's). */
    public static <T> Optional<T> await(
            String bootstrapServers,
            Map<String, ?> settings,
            List<String> topics,
            Function<ConsumerRecord<String, byte[]>, T> match,
            Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<T> found = new ArrayList<>(1);
            readAll(bootstrapServers, settings, topics, record -> {
                if (record.value() == null && record.headers().lastHeader(EventHeaders.DLT_REASON) == null) {
                    return; // a tombstone (the vault's, after an erasure); dead letters are null-valued by design
                }
                T value = match.apply(record);
                if (value != null) {
                    found.add(value);
                }
            });
            if (!found.isEmpty()) {
                return Optional.of(found.get(found.size() - 1));
            }
            Thread.sleep(200);
        }
        return Optional.empty();
    }
}
