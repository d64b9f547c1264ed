package org.hrm.keyvault;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.hrm.contracts.events.ErasureReceipt;
import org.hrm.contracts.events.KeysDestroyed;
import org.hrm.contracts.events.PartyKind;
import org.hrm.contracts.events.RecordReleaseDenied;
import org.hrm.contracts.events.RecordReleased;
import org.hrm.contracts.events.RecordSubmitted;
import org.hrm.contracts.events.VaultProgress;

/**
 * The test's side of Kafka: sends submissions, decisions, erasure requests, commits and vault commands, and reads
 * what the vault published (sealed, released, release denied, keys destroyed, receipts, progress, dead letters).
 */
public final class KafkaProbe implements AutoCloseable {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final EventCodec CODEC = new EventCodec();

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
        List<TopicPartition> partitions = Stream.of(
                        Topic.RECORD_SUBMITTED,
                        Topic.RECORD_SEALED,
                        Topic.RECORD_RELEASED,
                        Topic.RECORD_RELEASE_DENIED,
                        Topic.KEYS_DESTROYED,
                        Topic.ERASURE_RECEIPTS,
                        Topic.VAULT_PROGRESS,
                        Topic.KEY_VAULT_DEAD_LETTER)
                .flatMap(entry -> entry.allNames().stream())
                .flatMap(topic ->
                        consumer.partitionsFor(topic).stream().map(info -> new TopicPartition(topic, info.partition())))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /**
     * Registers the submission's owner and author (attested, on the parties topic) as the gateway would, then sends
     * it on its domain's record-submitted topic.
     */
    public void submit(String topic, RecordSubmitted event) {
        register(event.ownerId(), event.authorId());
        send(topic, event.recordId(), TestEvents.json(event), TestEvents.SUBMITTED_TYPE);
    }

    /** Publishes an attested registration of each party on the parties topic (as a patient). */
    public void register(String... partyIds) {
        for (String partyId : partyIds) {
            send(
                    Topic.PARTY_REGISTERED.topicName(),
                    partyId,
                    TestEvents.json(TestAuthorities.registration(partyId, PartyKind.PATIENT)),
                    "PartyRegistered");
        }
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

    /** The RecordReleased for this request, once it arrives. */
    public ConsumerRecord<String, byte[]> awaitReleased(Domain domain, String requestId) {
        return await(record -> forRequest(record, Topic.RECORD_RELEASED.name(domain), requestId), 1)
                .get(0);
    }

    /** The RecordReleaseDenied for this request, once it arrives. */
    public RecordReleaseDenied awaitDenied(Domain domain, String requestId) {
        ConsumerRecord<String, byte[]> record = await(
                        each -> forRequest(each, Topic.RECORD_RELEASE_DENIED.name(domain), requestId), 1)
                .get(0);
        return CODEC.decode(record.value(), RecordReleaseDenied.class);
    }

    /** How many RecordReleased for this request, in either domain, arrived so far. */
    public long releasedCount(String requestId) {
        drain();
        return seen.stream()
                .filter(record -> Topic.RECORD_RELEASED.allNames().stream()
                        .anyMatch(topic -> forRequest(record, topic, requestId)))
                .count();
    }

    /** How many RecordReleaseDenied for this request arrived in this domain so far. */
    public long deniedCount(Domain domain, String requestId) {
        drain();
        return seen.stream()
                .filter(record -> forRequest(record, Topic.RECORD_RELEASE_DENIED.name(domain), requestId))
                .count();
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

    /** The KeysDestroyed records published for this erasure request, once {@code count} arrived. */
    public List<ConsumerRecord<String, byte[]>> awaitKeysDestroyed(Domain domain, String requestId, int count) {
        return await(
                record -> record.topic().equals(Topic.KEYS_DESTROYED.name(domain))
                        && CODEC.decode(record.value(), KeysDestroyed.class)
                                .requestId()
                                .equals(requestId),
                count);
    }

    /** The ErasureReceipt records published for this erasure request (key: request id), once {@code count} arrived. */
    public List<ConsumerRecord<String, byte[]>> awaitReceipts(Domain domain, String requestId, int count) {
        return await(
                record -> record.topic().equals(Topic.ERASURE_RECEIPTS.name(domain)) && requestId.equals(record.key()),
                count);
    }

    /** The erasure tombstones (key = record id, null value) on the domain's record-submitted and record-released. */
    public List<ConsumerRecord<String, byte[]>> awaitTombstones(Domain domain, String recordId) {
        return await(
                record -> recordId.equals(record.key())
                        && record.value() == null
                        && (record.topic().equals(Topic.RECORD_SUBMITTED.name(domain))
                                || record.topic().equals(Topic.RECORD_RELEASED.name(domain))),
                2);
    }

    /** How many records of any kind with this key reached this topic so far. */
    public long count(String topic, String key) {
        drain();
        return seen.stream()
                .filter(record -> record.topic().equals(topic) && key.equals(record.key()))
                .count();
    }

    /** Every VaultProgress of a command up to and including its DONE or FAILED. */
    public List<VaultProgress> awaitFinished(String commandId) {
        Predicate<ConsumerRecord<String, byte[]>> finished = record -> progressOf(record, commandId)
                .filter(progress -> !progress.state().equals("RUNNING"))
                .isPresent();
        await(finished, 1);
        return seen.stream()
                .map(record -> progressOf(record, commandId))
                .flatMap(Optional::stream)
                .toList();
    }

    private static Optional<VaultProgress> progressOf(ConsumerRecord<String, byte[]> record, String id) {
        if (!record.topic().equals(Topic.VAULT_PROGRESS.topicName()) || !id.equals(record.key())) {
            return Optional.empty();
        }
        return Optional.of(CODEC.decode(record.value(), VaultProgress.class));
    }

    /** Decodes a receipt record. */
    public static ErasureReceipt receipt(ConsumerRecord<String, byte[]> record) {
        return CODEC.decode(record.value(), ErasureReceipt.class);
    }

    private static boolean forRequest(ConsumerRecord<String, byte[]> record, String topic, String requestId) {
        if (!record.topic().equals(topic) || record.value() == null) {
            return false;
        }
        String found = Topic.RECORD_RELEASED.domainOf(topic).isPresent()
                ? CODEC.decode(record.value(), RecordReleased.class).requestId()
                : CODEC.decode(record.value(), RecordReleaseDenied.class).requestId();
        return requestId.equals(found);
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
