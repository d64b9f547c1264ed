package org.hrm.gateway.adapter.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.hrm.contracts.InvalidEventException;
import org.hrm.support.KafkaClientMeters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the topics the gateway's views are built from, every partition from the beginning, on one thread, without a
 * consumer group: the views start from the gateway's database and read what the topics still hold on top (an event
 * read again changes nothing). Topics created later are picked up on the next partition refresh.
 */
public final class TopicProjection implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TopicProjection.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final long REFRESH_NANOS = Duration.ofSeconds(1).toNanos();

    private final KafkaConsumer<String, byte[]> consumer;
    private final AutoCloseable meters;
    private final Map<String, Consumer<byte[]>> handlers;
    private final Thread thread;
    private final Set<TopicPartition> assigned = new HashSet<>();
    private volatile boolean running = true;

    /**
     * @param consumerConfig Spring Boot's consumer properties ({@code KafkaProperties.buildConsumerProperties()}),
     *     so the deployment's TLS and SASL settings apply; the reader's own settings are put over them
     */
    public TopicProjection(
            Map<String, Object> consumerConfig, Map<String, Consumer<byte[]>> handlers, MeterRegistry registry) {
        this.consumer =
                new KafkaConsumer<>(config(consumerConfig), new StringDeserializer(), new ByteArrayDeserializer());
        this.meters = KafkaClientMeters.bind(consumer, registry);
        this.handlers = Map.copyOf(handlers);
        this.thread = new Thread(this::run, "gateway-topic-projection");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private static Map<String, Object> config(Map<String, Object> consumerConfig) {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        // No consumer group: every partition is assigned by hand and read from the beginning.
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "hrm-gateway-views-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Reading must never create a topic: the catalogue's producers and the deployment do.
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        return config;
    }

    private void run() {
        long nextRefresh = 0;
        try {
            while (running) {
                if (System.nanoTime() >= nextRefresh) {
                    refreshPartitions();
                    nextRefresh = System.nanoTime() + REFRESH_NANOS;
                }
                if (assigned.isEmpty()) {
                    Thread.sleep(POLL.toMillis());
                    continue;
                }
                consumer.poll(POLL).forEach(this::dispatch);
            }
        } catch (WakeupException | InterruptedException e) {
            // closing
        } catch (RuntimeException e) {
            log.error("gateway topic reader stopped", e);
        } finally {
            consumer.close();
            try {
                meters.close();
            } catch (Exception e) {
                log.warn("gateway topic reader's meters not removed: {}", e.toString());
            }
        }
    }

    private void refreshPartitions() {
        List<TopicPartition> added = new ArrayList<>();
        for (String topic : handlers.keySet()) {
            consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .filter(partition -> !assigned.contains(partition))
                    .forEach(added::add);
        }
        if (!added.isEmpty()) {
            assigned.addAll(added);
            consumer.assign(assigned);
            consumer.seekToBeginning(added);
        }
    }

    private void dispatch(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return; // a tombstone the vault wrote after an erasure, for compaction: no event
        }
        try {
            handlers.get(record.topic()).accept(record.value());
        } catch (InvalidEventException | IllegalArgumentException e) {
            // The topic's producer dead-letters bad input; the gateway's view skips it (never logging its content).
            log.warn("skipped an unreadable event on {} at offset {}", record.topic(), record.offset());
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5_000);
    }
}
