package org.hrm.gateway.adapter.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.hrm.contracts.InvalidEventException;
import org.hrm.messaging.Acknowledgements;
import org.hrm.messaging.ConsumerSettings;
import org.hrm.messaging.DeadLetters;
import org.hrm.messaging.InboundEvents;
import org.hrm.messaging.KafkaClientMeters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the topics the gateway's views are built from, every partition from the beginning, on one thread, without a
 * consumer group: the views start from the gateway's database and read what the topics still hold on top (an event
 * read again changes nothing). Topics created later are picked up on the next partition refresh. An event the views
 * cannot read, or of a schema version this gateway does not read ({@link InboundEvents#versionRefusal}), is
 * dead-lettered with the reason ({@link DeadLetters}) and the reader waits for the broker to have it before it moves
 * past; any other failure stops the reader, and {@link ReaderSupervisor} starts a new one.
 */
public final class TopicProjection implements SupervisedReader {
    private static final Logger log = LoggerFactory.getLogger(TopicProjection.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final long REFRESH_NANOS = Duration.ofSeconds(1).toNanos();

    private final org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer;
    private final AutoCloseable meters;
    private final Map<String, Consumer<byte[]>> handlers;
    private final DeadLetters deadLetters;
    private final Consumer<String> deadLettered;
    private final Thread thread;
    private final Set<TopicPartition> assigned = new HashSet<>();
    private volatile boolean running = true;
    private volatile long lastProgressNanos = System.nanoTime();
    private volatile boolean behind;
    private volatile String failure;

    /**
     * @param consumers the consumer settings from Spring Boot's properties ({@link ConsumerSettings#from}), so the
     *     deployment's TLS and SASL settings apply; the reader's own settings are put over them
     * @param deadLettered told each dead letter's reason once the broker has it
     */
    public TopicProjection(
            ConsumerSettings consumers,
            Map<String, Consumer<byte[]>> handlers,
            DeadLetters deadLetters,
            Consumer<String> deadLettered,
            MeterRegistry registry) {
        this(readerOf(consumers), handlers, deadLetters, deadLettered, registry);
    }

    /** A reader over any consumer (tests use Kafka's {@code MockConsumer}); it takes the consumer over. */
    TopicProjection(
            org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer,
            Map<String, Consumer<byte[]>> handlers,
            DeadLetters deadLetters,
            Consumer<String> deadLettered,
            MeterRegistry registry) {
        this.consumer = consumer;
        this.meters = KafkaClientMeters.bind(consumer, registry);
        this.handlers = Map.copyOf(handlers);
        this.deadLetters = deadLetters;
        this.deadLettered = deadLettered;
        this.thread = new Thread(this::run, "gateway-topic-projection");
        thread.setDaemon(true);
    }

    @Override
    public void start() {
        lastProgressNanos = System.nanoTime();
        thread.start();
    }

    // No consumer group: every partition is assigned by hand and read from the beginning. Reading must never create
    // a topic: the catalogue's producers and the deployment do.
    private static org.apache.kafka.clients.consumer.Consumer<String, byte[]> readerOf(ConsumerSettings consumers) {
        return consumers
                .withoutGroup()
                .set(ConsumerConfig.CLIENT_ID_CONFIG, "hrm-gateway-views-" + UUID.randomUUID())
                .set(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false")
                .consumer();
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
                    lastProgressNanos = System.nanoTime();
                    Thread.sleep(POLL.toMillis());
                    continue;
                }
                readOnce();
            }
        } catch (WakeupException | InterruptException | InterruptedException e) {
            // closing
        } catch (RuntimeException e) {
            failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            log.error("gateway topic reader stopped", e);
        } finally {
            running = false;
            consumer.close();
            try {
                meters.close();
            } catch (Exception e) {
                log.warn("gateway topic reader's meters not removed: {}", e.toString());
            }
        }
    }

    // Progress: a batch applied, or nothing left to read. A reader stuck in a handler or unable to fetch while it
    // knows of unread events makes none, and the supervisor sees it.
    private void readOnce() {
        ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
        if (!records.isEmpty()) {
            behind = true;
            records.forEach(this::dispatch);
        }
        behind = assigned.stream()
                .anyMatch(partition -> consumer.currentLag(partition).orElse(0) > 0);
        if (!records.isEmpty() || !behind) {
            lastProgressNanos = System.nanoTime();
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
        Optional<String> refusal = InboundEvents.versionRefusal(record);
        if (refusal.isPresent()) {
            deadLetter(record, refusal.get());
            return;
        }
        try {
            handlers.get(record.topic()).accept(record.value());
        } catch (InvalidEventException | IllegalArgumentException e) {
            deadLetter(record, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    // The reason and the payload's digest, never its content; the broker has it before the reader moves on.
    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        Acknowledgements.await(
                List.of(deadLetters.send(record, reason)),
                KafkaCommands.SEND_TIMEOUT,
                "the dead letter of " + record.topic() + "@" + record.offset());
        deadLettered.accept(reason);
    }

    @Override
    public boolean alive() {
        return thread.isAlive() && running;
    }

    @Override
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public long lastProgressNanos() {
        return lastProgressNanos;
    }

    @Override
    public boolean behind() {
        return behind;
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
