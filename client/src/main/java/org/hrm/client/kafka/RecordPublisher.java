package org.hrm.client.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hrm.client.sdk.EncryptedRecord;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.RecordLimits;
import org.hrm.contracts.Topic;
import org.hrm.contracts.TraceParent;
import org.hrm.contracts.events.AccessRequested;
import org.hrm.contracts.events.ConsentGranted;
import org.hrm.contracts.events.ConsentRevoked;
import org.hrm.contracts.events.ErasureRequested;
import org.hrm.contracts.events.PartyKeyRotated;
import org.hrm.contracts.events.PartyRegistered;
import org.hrm.contracts.events.RecordSubmitted;
import org.hrm.contracts.events.VaultCommand;

/**
 * Publishes the client's events: records ({@link RecordSubmitted}, keyed by record id), party registrations, the
 * owner's grants and revocations (keyed by owner, so they stay in order) and access requests, each to the topic the
 * catalogue names for it.
 *
 * <p>Every event gets a fresh event id header and a new W3C trace ({@code traceparent}); consumers use it as the idempotency key. The producer is idempotent
 * with {@code acks=all}, so a retried send is not written twice.
 */
public final class RecordPublisher implements AutoCloseable {
    private static final String SCHEMA_VERSION = String.valueOf(EventCodec.SCHEMA_VERSION);

    private final Producer<String, byte[]> producer;
    private final Clock clock;
    private final EventCodec codec = new EventCodec();

    public RecordPublisher(Producer<String, byte[]> producer, Clock clock) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A publisher with its own idempotent {@link KafkaProducer}; close it when done. */
    public static RecordPublisher connect(String bootstrapServers) {
        return connect(bootstrapServers, Map.of());
    }

    /**
     * A publisher with extra producer settings (TLS, client id, ...); serializers, idempotence and {@code acks=all}
     * cannot be overridden.
     */
    public static RecordPublisher connect(String bootstrapServers, Map<String, Object> settings) {
        return new RecordPublisher(new KafkaProducer<>(producerConfig(bootstrapServers, settings)), Clock.systemUTC());
    }

    static Map<String, Object> producerConfig(String bootstrapServers, Map<String, Object> settings) {
        Map<String, Object> config = new HashMap<>(settings);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // A RecordSubmitted of a 4 MiB record is about 5.6 MB; Kafka's default request limit is 1 MB.
        config.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, RecordLimits.MAX_MESSAGE_BYTES);
        // Kafka 4 lingers 5 ms by default for a fuller batch; an access request is one send its caller then waits on
        // (the fetch path's first hop), and sends in a burst still share requests while earlier ones are in flight.
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
        return config;
    }

    /** Publishes an encrypted record, stamped with the current time. */
    public CompletableFuture<RecordMetadata> publish(EncryptedRecord record) {
        return publish(record.toSubmitted(clock.instant()));
    }

    /** Publishes an event; the future completes when the broker acknowledged it, or with the send's failure. */
    public CompletableFuture<RecordMetadata> publish(RecordSubmitted event) {
        return send(Topic.RECORD_SUBMITTED.name(event.domain()), event.recordId(), event);
    }

    public CompletableFuture<RecordMetadata> register(PartyRegistered event) {
        return send(Topic.PARTY_REGISTERED.topicName(), event.partyId(), event);
    }

    /**
     * A key rotation travels on the parties topic with the registrations, keyed by party id, so it follows the
     * party's registration; consent-service then publishes the party's history on the directory topic.
     */
    public CompletableFuture<RecordMetadata> rotateKey(PartyKeyRotated event) {
        return send(Topic.PARTY_REGISTERED.topicName(), event.partyId(), event);
    }

    public CompletableFuture<RecordMetadata> grant(ConsentGranted event) {
        return send(Topic.CONSENT_GRANTED.name(event.domain()), event.ownerId(), event);
    }

    public CompletableFuture<RecordMetadata> revoke(ConsentRevoked event) {
        return send(Topic.CONSENT_REVOKED.name(event.domain()), event.ownerId(), event);
    }

    public CompletableFuture<RecordMetadata> requestAccess(AccessRequested event) {
        return send(Topic.ACCESS_REQUESTED.name(event.domain()), event.recordId(), event);
    }

    /**
     * Publishes an erasure request: only the gateway's principal may write erasure-requested, so this is the gateway's
     * (and an open test broker's) call; an owner's client hands its signed request to the gateway ({@link
     * org.hrm.client.gateway.GatewayClient#requestErasure}).
     */
    public CompletableFuture<RecordMetadata> requestErasure(ErasureRequested event) {
        return send(Topic.ERASURE_REQUESTED.name(event.domain()), event.ownerId(), event);
    }

    /** An operator's command to the key vault (rotate or retire a master key version). */
    public CompletableFuture<RecordMetadata> command(VaultCommand event) {
        return send(Topic.VAULT_COMMANDS.topicName(), event.commandId(), event);
    }

    private CompletableFuture<RecordMetadata> send(String topic, String key, Object event) {
        ProducerRecord<String, byte[]> message = new ProducerRecord<>(topic, key, codec.encode(event));
        message.headers()
                .add(EventHeaders.EVENT_ID, UUID.randomUUID().toString().getBytes(UTF_8))
                .add(
                        EventHeaders.EVENT_TYPE,
                        EventCodec.typeName(event.getClass()).getBytes(UTF_8))
                .add(EventHeaders.SCHEMA_VERSION, SCHEMA_VERSION.getBytes(UTF_8))
                // Each event a client starts is the start of a trace: the services carry it on to what follows.
                .add(EventHeaders.TRACE_PARENT, TraceParent.newTrace().header().getBytes(UTF_8));
        CompletableFuture<RecordMetadata> result = new CompletableFuture<>();
        try {
            producer.send(message, (metadata, error) -> complete(result, metadata, error));
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    @Override
    public void close() {
        producer.close();
    }

    private static void complete(CompletableFuture<RecordMetadata> result, RecordMetadata metadata, Exception error) {
        if (error != null) {
            result.completeExceptionally(error);
        } else {
            result.complete(metadata);
        }
    }
}
