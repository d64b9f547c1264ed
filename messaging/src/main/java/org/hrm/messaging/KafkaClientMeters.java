package org.hrm.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.lang.reflect.Field;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.kafka.config.AbstractKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.util.ReflectionUtils;

/**
 * Kafka's own client metrics (send rates and errors, request latency, records lag, rebalances...) on the service's
 * meter registry, so they reach {@code /actuator/prometheus} as {@code kafka_producer_*}, {@code kafka_consumer_*}
 * and {@code kafka_admin_client_*}. Spring Boot adds them only to the factories it builds itself; every hrm service
 * builds its own, so {@link #postProcessor} adds them to every factory it finds behind a bean (the factory itself, a
 * template, a listener container or a container factory), and {@link #bind} does it for a raw client.
 */
public final class KafkaClientMeters {
    private KafkaClientMeters() {}

    /**
     * Adds the Micrometer listeners to every producer and consumer factory reachable from a bean. The registry is
     * looked up when the first client is created (after the context has started), never while beans are created.
     */
    public static BeanPostProcessor postProcessor(ObjectProvider<MeterRegistry> registry) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof ProducerFactory<?, ?> factory) {
                    instrument(factory, registry);
                } else if (bean instanceof ConsumerFactory<?, ?> factory) {
                    instrument(factory, registry);
                } else if (bean instanceof KafkaTemplate<?, ?> template) {
                    instrument(template.getProducerFactory(), registry);
                } else if (bean instanceof AbstractMessageListenerContainer<?, ?> container) {
                    instrument(consumerFactoryOf(container), registry);
                } else if (bean instanceof AbstractKafkaListenerContainerFactory<?, ?, ?> containers) {
                    instrument(containers.getConsumerFactory(), registry);
                }
                return bean;
            }
        };
    }

    /**
     * A container's consumer factory: spring-kafka has no getter for it, only the protected field its subclasses
     * use. If a spring-kafka upgrade renames it, every service fails at start here rather than losing its metrics.
     */
    private static ConsumerFactory<?, ?> consumerFactoryOf(AbstractMessageListenerContainer<?, ?> container) {
        Field field = ReflectionUtils.findField(AbstractMessageListenerContainer.class, "consumerFactory");
        if (field == null) {
            throw new IllegalStateException("spring-kafka's listener container has no consumerFactory field");
        }
        ReflectionUtils.makeAccessible(field);
        return (ConsumerFactory<?, ?>) ReflectionUtils.getField(field, container);
    }

    /** Adds the producer listener once (a factory behind a template and a bean is seen twice). */
    public static <K, V> void instrument(ProducerFactory<K, V> factory, ObjectProvider<MeterRegistry> registry) {
        if (factory != null && factory.getListeners().stream().noneMatch(ProducerMeters.class::isInstance)) {
            factory.addListener(new ProducerMeters<>(registry));
        }
    }

    /** Adds the consumer listener once. */
    public static <K, V> void instrument(ConsumerFactory<K, V> factory, ObjectProvider<MeterRegistry> registry) {
        if (factory != null && factory.getListeners().stream().noneMatch(ConsumerMeters.class::isInstance)) {
            factory.addListener(new ConsumerMeters<>(registry));
        }
    }

    /** Binds a raw producer's metrics; close the result with the producer. */
    public static AutoCloseable bind(Producer<?, ?> producer, MeterRegistry registry) {
        return bound(new KafkaClientMetrics(producer), registry);
    }

    /** Binds a raw consumer's metrics; close the result with the consumer. */
    public static AutoCloseable bind(Consumer<?, ?> consumer, MeterRegistry registry) {
        return bound(new KafkaClientMetrics(consumer), registry);
    }

    /** Binds a raw admin client's metrics; close the result with the client. */
    public static AutoCloseable bind(Admin admin, MeterRegistry registry) {
        if (!(admin instanceof AdminClient client)) {
            throw new IllegalArgumentException("not a Kafka admin client: " + admin.getClass());
        }
        return bound(new KafkaClientMetrics(client), registry);
    }

    private static AutoCloseable bound(KafkaClientMetrics metrics, MeterRegistry registry) {
        metrics.bindTo(registry);
        return metrics::close;
    }

    /** Spring Kafka's producer listener, created on the first producer. */
    private static final class ProducerMeters<K, V> implements ProducerFactory.Listener<K, V> {
        private final ObjectProvider<MeterRegistry> registry;
        private MicrometerProducerListener<K, V> delegate;

        ProducerMeters(ObjectProvider<MeterRegistry> registry) {
            this.registry = registry;
        }

        @Override
        public synchronized void producerAdded(String id, Producer<K, V> producer) {
            if (delegate == null) {
                delegate = new MicrometerProducerListener<>(registry.getObject(), List.of());
            }
            delegate.producerAdded(id, producer);
        }

        @Override
        public synchronized void producerRemoved(String id, Producer<K, V> producer) {
            if (delegate != null) {
                delegate.producerRemoved(id, producer);
            }
        }
    }

    /** Spring Kafka's consumer listener, created on the first consumer. */
    private static final class ConsumerMeters<K, V> implements ConsumerFactory.Listener<K, V> {
        private final ObjectProvider<MeterRegistry> registry;
        private MicrometerConsumerListener<K, V> delegate;

        ConsumerMeters(ObjectProvider<MeterRegistry> registry) {
            this.registry = registry;
        }

        @Override
        public synchronized void consumerAdded(String id, Consumer<K, V> consumer) {
            if (delegate == null) {
                delegate = new MicrometerConsumerListener<>(registry.getObject(), List.of());
            }
            delegate.consumerAdded(id, consumer);
        }

        @Override
        public synchronized void consumerRemoved(String id, Consumer<K, V> consumer) {
            if (delegate != null) {
                delegate.consumerRemoved(id, consumer);
            }
        }
    }
}
