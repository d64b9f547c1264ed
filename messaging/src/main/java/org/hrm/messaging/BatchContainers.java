package org.hrm.messaging;

import java.util.Collection;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;

/**
 * The one way a service builds a batch listener's container: each poll is handed to the listener as one batch, its
 * offsets are committed when the listener returns (AckMode BATCH, so after every output the listener waited for,
 * {@link Acknowledgements}), and a failed batch is retried whole as {@link BatchRetries} says. A container built
 * in code ({@link #container}) or a factory for {@code @KafkaListener(batch = "true")} methods ({@link #factory}).
 */
public final class BatchContainers {
    private BatchContainers() {}

    /** A container of {@code concurrency} consumers in group {@code groupId} on {@code topics}. */
    public static ConcurrentMessageListenerContainer<String, byte[]> container(
            ConsumerFactory<String, byte[]> consumers,
            String groupId,
            Collection<String> topics,
            int concurrency,
            BatchRetries retries,
            BatchMessageListener<String, byte[]> listener) {
        ContainerProperties properties = new ContainerProperties(topics.toArray(String[]::new));
        properties.setAckMode(ContainerProperties.AckMode.BATCH);
        properties.setGroupId(groupId);
        ConcurrentMessageListenerContainer<String, byte[]> container =
                new ConcurrentMessageListenerContainer<>(consumers, properties);
        container.setConcurrency(concurrency);
        container.setCommonErrorHandler(retries.errorHandler());
        container.setupMessageListener(listener);
        return container;
    }

    /**
     * A factory of batch containers for {@code @KafkaListener} methods: one consumer each unless the listener asks for
     * more, the consumer factory's group unless the caller sets one on {@code getContainerProperties()}.
     */
    public static ConcurrentKafkaListenerContainerFactory<String, byte[]> factory(
            ConsumerFactory<String, byte[]> consumers, BatchRetries retries) {
        var factory = new ConcurrentKafkaListenerContainerFactory<String, byte[]>();
        factory.setConsumerFactory(consumers);
        factory.setBatchListener(true);
        factory.setConcurrency(1);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        factory.setCommonErrorHandler(retries.errorHandler());
        return factory;
    }
}
