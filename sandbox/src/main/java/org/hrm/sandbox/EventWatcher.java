package org.hrm.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.hrm.cli.KafkaLogin;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.RecordCommitted;
import org.hrm.contracts.events.RecordSealed;

/**
 * Follows the sealed, committed and dead-letter topics from the beginning, as an operator would (inside the walls
 * as the sandbox's observer).
 */
public final class EventWatcher implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final EventCodec codec = new EventCodec();
    private final Map<String, RecordSealed> sealed = new ConcurrentHashMap<>();
    private final Map<String, RecordCommitted> committed = new ConcurrentHashMap<>();
    private final List<String> deadLetterReasons = new ArrayList<>();

    public EventWatcher(KafkaLogin kafka) {
        Properties config = kafka.config();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "sandbox-watcher-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        List<String> topics = new ArrayList<>(Topic.RECORD_SEALED.allNames());
        topics.addAll(Topic.RECORD_COMMITTED.allNames());
        topics.add(Topic.KEY_VAULT_DEAD_LETTER.topicName());
        topics.add(Topic.LEDGER_WRITER_DEAD_LETTER.topicName());
        consumer.subscribe(topics);
    }

    /** Polls until every id is committed or the timeout passes; reports progress as counts change. */
    public boolean awaitCommitted(Collection<String> recordIds, Duration timeout, Consumer<String> progress) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int reported = -1;
        while (System.nanoTime() < deadline) {
            poll();
            int done = count(committed.keySet(), recordIds);
            if (done != reported) {
                progress.accept(String.format(
                        "sealed %d/%d, committed %d/%d, dead letters %d",
                        count(sealed.keySet(), recordIds),
                        recordIds.size(),
                        done,
                        recordIds.size(),
                        deadLetterReasons.size()));
                reported = done;
            }
            if (done == recordIds.size()) {
                return true;
            }
        }
        return false;
    }

    private void poll() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            String topic = record.topic();
            if (Topic.RECORD_SEALED.allNames().contains(topic)) {
                RecordSealed event = codec.decode(record.value(), RecordSealed.class);
                sealed.put(event.recordId(), event);
            } else if (Topic.RECORD_COMMITTED.allNames().contains(topic)) {
                RecordCommitted event = codec.decode(record.value(), RecordCommitted.class);
                committed.put(event.recordId(), event);
            } else {
                var reason = record.headers().lastHeader(EventHeaders.DLT_REASON);
                deadLetterReasons.add(reason == null ? "(no reason)" : new String(reason.value()));
            }
        }
    }

    private static int count(Set<String> seen, Collection<String> wanted) {
        return (int) wanted.stream().filter(seen::contains).count();
    }

    public Map<String, RecordSealed> sealed() {
        return sealed;
    }

    public Map<String, RecordCommitted> committed() {
        return committed;
    }

    public List<String> deadLetterReasons() {
        return deadLetterReasons;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
