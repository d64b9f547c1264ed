package org.hrm.messaging;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.hrm.contracts.ServiceName;
import org.hrm.contracts.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * A service's dead-letter publisher: a record its listener refuses goes to the service's dead-letter topic with the
 * reason, where it came from and its payload's digest in headers, never the payload ({@link DeadLetterRecords}).
 * The send is returned, not awaited: the listener waits for it with the batch's other sends ({@link Acknowledgements}).
 */
public final class DeadLetters {
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final Function<ProducerRecord<String, byte[]>, CompletableFuture<?>> sender;
    private final String topic;
    private final ServiceName service;

    public DeadLetters(KafkaTemplate<String, byte[]> template, Topic topic, ServiceName service) {
        this(template::send, topic, service);
    }

    /** Dead letters sent by {@code sender}, for a service that sends outside Spring (the gateway's raw producer). */
    public DeadLetters(
            Function<ProducerRecord<String, byte[]>, CompletableFuture<?>> sender, Topic topic, ServiceName service) {
        this.sender = sender;
        this.topic = topic.topicName();
        this.service = service;
    }

    /** Logs and sends the dead letter of {@code source}, refused for {@code reason}. */
    public CompletableFuture<?> send(ConsumerRecord<String, byte[]> source, String reason) {
        try (var trace = Traces.open(source)) {
            log.warn("Dead-lettering {}-{}@{}: {}", source.topic(), source.partition(), source.offset(), reason);
        }
        return sender.apply(DeadLetterRecords.of(topic, source, reason, service));
    }
}
