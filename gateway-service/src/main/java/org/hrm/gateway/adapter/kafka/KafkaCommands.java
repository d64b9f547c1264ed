package org.hrm.gateway.adapter.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.hrm.client.kafka.RecordPublisher;
import org.hrm.contracts.EventCodec;
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
import org.hrm.gateway.application.AuditEntry;
import org.hrm.gateway.application.GatewayCommands;
import org.hrm.gateway.application.PlatformUnavailable;
import org.hrm.gateway.application.SignedStatement;
import org.hrm.messaging.Acknowledgements;
import org.hrm.messaging.DeadLetters;
import org.hrm.messaging.KafkaClientMeters;
import org.hrm.messaging.OutboundEvents;
import org.springframework.kafka.KafkaException;

/**
 * Sends the gateway's commands: through the client SDK's {@link RecordPublisher} for the topics whose producer is the
 * client (and for erasure requests, which it already publishes as the gateway would), each statement as the event it
 * carries, and its own audit events ({@link OutboundEvents}, as signed and encoded) and its topic reader's dead letters
 * ({@link #deadLetters()}) directly, on the same idempotent producer. A caller waits for the broker's acknowledgement;
 * without one in time the platform is unavailable.
 */
public final class KafkaCommands implements GatewayCommands, AutoCloseable {
    /** How long a send may wait for the broker's acknowledgement. */
    public static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

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
    public void submit(SignedStatement statement) {
        await(publisher.publish(codec.decode(statement.event(), RecordSubmitted.class)));
    }

    @Override
    public void requestAccess(SignedStatement statement) {
        await(publisher.requestAccess(codec.decode(statement.event(), AccessRequested.class)));
    }

    @Override
    public void grant(SignedStatement statement) {
        await(publisher.grant(codec.decode(statement.event(), ConsentGranted.class)));
    }

    @Override
    public void revoke(SignedStatement statement) {
        await(publisher.revoke(codec.decode(statement.event(), ConsentRevoked.class)));
    }

    @Override
    public void register(SignedStatement statement) {
        await(publisher.register(codec.decode(statement.event(), PartyRegistered.class)));
    }

    @Override
    public void rotateKey(SignedStatement statement) {
        await(publisher.rotateKey(codec.decode(statement.event(), PartyKeyRotated.class)));
    }

    @Override
    public void requestErasure(SignedStatement statement) {
        await(publisher.requestErasure(codec.decode(statement.event(), ErasureRequested.class)));
    }

    @Override
    public void audit(AuditEntry entry) {
        await(send(OutboundEvents.encoded(
                Topic.GATEWAY_AUDIT.topicName(),
                entry.patientId(),
                entry.event(),
                AuditEvent.class,
                OutboundEvents.newId())));
    }

    /** The gateway's dead letters ({@link Topic#GATEWAY_DEAD_LETTER}), sent on this producer. */
    public DeadLetters deadLetters() {
        return new DeadLetters(this::send, Topic.GATEWAY_DEAD_LETTER, ServiceName.GATEWAY);
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
            Acknowledgements.await(List.of(sent), SEND_TIMEOUT, "an event");
        } catch (KafkaException e) {
            throw new PlatformUnavailable("Kafka did not take the event", e);
        }
    }

    @Override
    public void close() throws Exception {
        meters.close();
        producer.close();
    }
}
