package org.hrm.benchmarks.endtoend;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.hrm.cli.KafkaLogin;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.RecordCommitted;

/**
 * Follows RecordCommitted (and the dead-letter topics) on its own thread and notes when each record's first commit
 * was seen, in {@link System#nanoTime()}, and the transaction that carried it.
 */
final class CommitClock implements AutoCloseable {
    /** When a record's commit was seen and in which transaction. */
    record Seen(long nanos, String transactionHash) {}

    private final KafkaConsumer<String, byte[]> consumer;
    private final EventCodec codec = new EventCodec();
    private final Map<String, Seen> committed = new ConcurrentHashMap<>();
    private final AtomicInteger deadLetters = new AtomicInteger();
    private volatile String lastDeadLetterReason = "";
    private final Thread thread;
    private volatile boolean running = true;

    /** A clock reading as {@code observer} (the sandbox's observer inside the walls). */
    CommitClock(KafkaLogin observer) {
        Properties config = observer.config();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        List<String> topics = new ArrayList<>(Topic.RECORD_COMMITTED.allNames());
        topics.add(Topic.KEY_VAULT_DEAD_LETTER.topicName());
        topics.add(Topic.LEDGER_WRITER_DEAD_LETTER.topicName());
        consumer.subscribe(topics);
        thread = new Thread(this::follow, "bench-commit-clock");
    }

    /** Starts following once the consumer owns its partitions, so no commit after this call is missed. */
    CommitClock start() {
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }
        thread.start();
        return this;
    }

    private void follow() {
        while (running) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                long now = System.nanoTime();
                if (record.topic().startsWith("hrm.dlt.")) {
                    Header reason = record.headers().lastHeader(EventHeaders.DLT_REASON);
                    lastDeadLetterReason = record.topic() + ": "
                            + (reason == null ? "no reason given" : new String(reason.value(), StandardCharsets.UTF_8));
                    deadLetters.incrementAndGet();
                } else {
                    RecordCommitted event = codec.decode(record.value(), RecordCommitted.class);
                    committed.putIfAbsent(event.recordId(), new Seen(now, event.transactionHash()));
                }
            }
        }
        consumer.close();
    }

    Seen seen(String recordId) {
        return committed.get(recordId);
    }

    int committedCount() {
        return committed.size();
    }

    int deadLetters() {
        return deadLetters.get();
    }

    /** The topic and reason of the last dead letter seen, empty before the first. */
    String lastDeadLetterReason() {
        return lastDeadLetterReason;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
