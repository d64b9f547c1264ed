package org.hrm.sandbox.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.hrm.cli.KafkaLogin;
import org.hrm.contracts.Topic;

/** Follows the record-committed topics in a thread of its own: which records a user could now read or erase. */
final class CommitFollower implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    /** Record id to when this follower first saw it committed ({@link System#nanoTime()}). */
    private final Map<String, Long> committed = new ConcurrentHashMap<>();

    private final Thread thread;
    private volatile boolean running = true;

    CommitFollower(KafkaLogin observer) {
        Properties config = observer.config();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "chaos-follower-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Discovers the committed topics soon after the ledger writer creates them (default: five minutes).
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "1000");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(Topic.RECORD_COMMITTED.allNames());
        thread = new Thread(this::follow, "chaos-commit-follower");
        thread.setDaemon(true);
        thread.start();
    }

    private void follow() {
        try {
            while (running) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    long seen = System.nanoTime();
                    committed.putIfAbsent(record.key(), seen);
                });
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    int size() {
        return committed.size();
    }

    List<String> snapshot() {
        return new ArrayList<>(committed.keySet());
    }

    /** Each record seen committed so far, with when it was first seen (a copy). */
    Map<String, Long> committedAt() {
        return Map.copyOf(committed);
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
