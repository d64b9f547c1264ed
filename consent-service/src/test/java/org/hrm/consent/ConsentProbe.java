package org.hrm.consent;

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
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.AccessDecided;
import org.hrm.contracts.events.AuditEvent;
import org.hrm.contracts.events.StandingGrants;

/**
 * The test's side of Kafka: sends events as clients do and reads what consent-service published (decisions, audit
 * events, standing grants, dead letters).
 */
public final class ConsentProbe implements AutoCloseable {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    public ConsentProbe(String bootstrapServers) {
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
        List<TopicPartition> partitions = Stream.of(
                        Topic.ACCESS_DECIDED.allNames(),
                        Topic.STANDING_GRANTS.allNames(),
                        List.of(
                                Topic.AUDIT.topicName(),
                                Topic.CONSENT_DEAD_LETTER.topicName(),
                                Topic.PARTY_DIRECTORY.topicName()))
                .flatMap(List::stream)
                .flatMap(topic ->
                        consumer.partitionsFor(topic).stream().map(info -> new TopicPartition(topic, info.partition())))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Sends with the type header of the event's class and waits for the broker's acknowledgement. */
    public void send(String topic, String key, Object event) {
        send(topic, key, ConsentEvents.json(event), EventCodec.typeName(event.getClass()));
    }

    /** Sends raw bytes; {@code type} null sends no type header. */
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

    /** The raw AccessDecided records of one request, once {@code count} have arrived. */
    public List<ConsumerRecord<String, byte[]>> awaitDecisions(Domain domain, String requestId, int count) {
        return await(
                record -> record.topic().equals(Topic.ACCESS_DECIDED.name(domain))
                        && decode(record, AccessDecided.class).requestId().equals(requestId),
                count);
    }

    public AccessDecided awaitDecision(Domain domain, String requestId) {
        return decode(awaitDecisions(domain, requestId, 1).get(0), AccessDecided.class);
    }

    /** The first audit event that matches. */
    public AuditEvent awaitAudit(Predicate<AuditEvent> wanted) {
        return decode(
                await(
                                record -> record.topic().equals(Topic.AUDIT.topicName())
                                        && wanted.test(decode(record, AuditEvent.class)),
                                1)
                        .get(0),
                AuditEvent.class);
    }

    /** The audit events that match, once {@code count} have arrived. */
    public List<AuditEvent> awaitAudits(Predicate<AuditEvent> wanted, int count) {
        return await(
                        record -> record.topic().equals(Topic.AUDIT.topicName())
                                && wanted.test(decode(record, AuditEvent.class)),
                        count)
                .stream()
                .map(record -> decode(record, AuditEvent.class))
                .toList();
    }

    /** The first StandingGrants of this owner that matches. */
    public StandingGrants awaitStandingGrants(Domain domain, String ownerId, Predicate<StandingGrants> wanted) {
        return decode(
                await(
                                record -> record.topic().equals(Topic.STANDING_GRANTS.name(domain))
                                        && ownerId.equals(record.key())
                                        && wanted.test(decode(record, StandingGrants.class)),
                                1)
                        .get(0),
                StandingGrants.class);
    }

    /** The directory topic's values for this party, once {@code count} have arrived, oldest first. */
    public List<ConsumerRecord<String, byte[]>> awaitDirectory(String partyId, int count) {
        return await(
                record -> record.topic().equals(Topic.PARTY_DIRECTORY.topicName()) && partyId.equals(record.key()),
                count);
    }

    public ConsumerRecord<String, byte[]> awaitDeadLetter(String key) {
        return awaitDeadLetter(key, PATIENCE.toSeconds()).get(0);
    }

    /** The dead letters with this key, waiting at most {@code seconds} for the first. */
    public List<ConsumerRecord<String, byte[]>> awaitDeadLetter(String key, long seconds) {
        return await(
                record -> record.topic().equals(Topic.CONSENT_DEAD_LETTER.topicName()) && key.equals(record.key()),
                1,
                Duration.ofSeconds(seconds));
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private List<ConsumerRecord<String, byte[]>> await(Predicate<ConsumerRecord<String, byte[]>> wanted, int count) {
        return await(wanted, count, PATIENCE);
    }

    private List<ConsumerRecord<String, byte[]>> await(
            Predicate<ConsumerRecord<String, byte[]>> wanted, int count, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
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

    private static <T> T decode(ConsumerRecord<String, byte[]> record, Class<T> type) {
        return ConsentEvents.decode(record.value(), type);
    }

    @Override
    public void close() {
        producer.close();
        consumer.close();
    }
}
