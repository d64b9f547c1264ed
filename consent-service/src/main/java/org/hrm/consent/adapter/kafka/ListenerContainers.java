package org.hrm.consent.adapter.kafka;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.hrm.consent.config.ConsentProperties;
import org.hrm.support.RetryLogger;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Builds the service's batch listener containers: manual offsets committed per batch after the listener returns,
 * read_committed, from the earliest offset for a new group, and retried without end on any failure.
 */
final class ListenerContainers {
    private ListenerContainers() {}

    static ConcurrentMessageListenerContainer<String, byte[]> create(
            KafkaProperties kafka,
            ConsentProperties consent,
            String name,
            List<String> topics,
            BatchMessageListener<String, byte[]> listener) {
        ContainerProperties properties = new ContainerProperties(topics.toArray(String[]::new));
        properties.setAckMode(ContainerProperties.AckMode.BATCH);
        properties.setGroupId(consent.consumerGroup() + "." + name);
        ConcurrentMessageListenerContainer<String, byte[]> container =
                new ConcurrentMessageListenerContainer<>(consumerFactory(kafka), properties);
        container.setConcurrency(consent.concurrency());
        container.setCommonErrorHandler(retryForever(consent));
        container.setupMessageListener(listener);
        return container;
    }

    private static DefaultKafkaConsumerFactory<String, byte[]> consumerFactory(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new DefaultKafkaConsumerFactory<>(config);
    }

    /**
     * Infrastructure failures (Mongo or Kafka down) must not dead-letter valid events: every exception is retryable
     * and the back-off never gives up, so the batch is redelivered until it goes through. Bad events never reach
     * here, the parser and the use cases turn them into dead letters.
     */
    private static DefaultErrorHandler retryForever(ConsentProperties consent) {
        ExponentialBackOff backOff =
                new ExponentialBackOff(consent.retryInitialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(consent.retryMaxInterval().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(
                (record, e) -> {
                    throw new IllegalStateException("retries exhausted; the batch stays uncommitted", e);
                },
                backOff);
        handler.setClassifications(Map.of(), true);
        handler.setRetryListeners(new RetryLogger());
        return handler;
    }
}
