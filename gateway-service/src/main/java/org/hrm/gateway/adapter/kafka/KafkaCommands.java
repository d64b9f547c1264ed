package org.hrm.gateway.adapter.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.hrm.client.kafka.RecordPublisher;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.ServiceName;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.AccessRequested;
import org.hrm.contracts.events.AuditEvent;
import org.hrm.contracts.events.ConsentGranted;
import org.hrm.contracts.events.ConsentRevoked;
import org.hrm.contracts.events.ErasureRequested;
import org.hrm.contracts.events.PartyKeyRotated;
import org.hrm.contracts.events.PartyRegistered;
import org.hrm.contracts.events.RecordSubmitted;
import org.hrm.gateway.application.GatewayCommands;
import org.hrm.gateway.application.PlatformUnavailable;
import org.hrm.messaging.DeadLetterRecords;
import org.hrm.messaging.KafkaClientMeters;

/**
 * Sends the gateway's commands: through the client SDK's {@link RecordPublisher} for the topics whose producer is the
 * client (and for erasure requests, which it already publishes as the gateway would), and its own audit events
 * directly, on the same idempotent producer.
 */
public final class KafkaCommands implements GatewayCommands, AutoCloseable {
    private static final long SEND_TIMEOUT_SECONDS = 10;

    private final RecordPublisher publisher;
    private final Producer<String, byte[]> producer;
    private final AutoCloseable meters;
    private final EventCodec codec = new EventCodec();

    /** Takes the producer over (closes it) and puts its client metrics on the registry. */
    public KafkaCommands(Producer<String, byte[]> producer, java.time.Clock clock, MeterRegistry registry) {
        this.producer = producer;
        this.publisher = new RecordPublisher(producer, clock);
        this.meters = KafkaClientMeters.bind(producer, registry);
    }

    @Override
    public void submit(RecordSubmitted event) {
        await(publisher.publish(event));
    }

    @Override
    public void requestAccess(AccessRequested event) {
        await(publisher.requestAccess(event));
    }

    @Override
    public void grant(ConsentGranted event) {
        await(publisher.grant(event));
    }

    @Override
    public void revoke(ConsentRevoked event) {
        await(publisher.revoke(event));
    }

    @Override
    public void register(PartyRegistered event) {
        await(publisher.register(event));
    }

    @Override
    public void rotateKey(PartyKeyRotated event) {
        await(publisher.rotateKey(event));
    }

    @Override
    public void requestErasure(ErasureRequested event) {
        await(publisher.requestErasure(event));
    }

    @Override
    public void audit(AuditEvent event) {
        ProducerRecord<String, byte[]> message =
                new ProducerRecord<>(Topic.GATEWAY_AUDIT.topicName(), event.patientId(), codec.encode(event));
        message.headers()
                .add(EventHeaders.EVENT_ID, UUID.randomUUID().toString().getBytes(UTF_8))
                .add(
                        EventHeaders.EVENT_TYPE,
                        EventCodec.typeName(AuditEvent.class).getBytes(UTF_8))
                .add(
                        EventHeaders.SCHEMA_VERSION,
                        String.valueOf(EventCodec.SCHEMA_VERSION).getBytes(UTF_8));
        await(send(message));
    }

    /**
     * Dead-letters an event the gateway's views could not read ({@link DeadLetterRecords}: the reason and the
     * payload's digest, never the payload) on {@link Topic#GATEWAY_DEAD_LETTER}, and waits until the broker has it.
     */
    public void deadLetter(ConsumerRecord<String, byte[]> source, String reason) {
        await(send(DeadLetterRecords.of(Topic.GATEWAY_DEAD_LETTER.topicName(), source, reason, ServiceName.GATEWAY)));
    }

    private CompletableFuture<Void> send(ProducerRecord<String, byte[]> message) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        producer.send(message, (metadata, error) -> {
            if (error != null) {
                sent.completeExceptionally(error);
            } else {
                sent.complete(null);
            }
        });
        return sent;
    }

    private static void await(CompletableFuture<?> sent) {
        try {
            sent.get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformUnavailable("interrupted while sending", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new PlatformUnavailable("Kafka did not take the event", e);
        }
    }

    @Override
    public void close() throws Exception {
        meters.close();
        producer.close();
    }
}
