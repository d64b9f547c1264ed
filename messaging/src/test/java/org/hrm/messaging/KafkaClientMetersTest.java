package org.hrm.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;

/**
 * The clients of factories the services build by hand register Kafka's {@code kafka_*} meters: behind a template,
 * a listener container, a container factory, and raw clients bound directly. No broker is needed: a Kafka client
 * registers its metrics when it is created.
 */
class KafkaClientMetersTest {
    private static final String NOWHERE = "127.0.0.1:1";

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withBean(PrometheusMeterRegistry.class, () -> new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
            .withUserConfiguration(Factories.class);

    @Test
    void aTemplatesProducerRegistersProducerMeters() {
        context.run(beans -> {
            PrometheusMeterRegistry registry = beans.getBean(PrometheusMeterRegistry.class);
            assertThat(registry.scrape()).doesNotContain("kafka_producer_");
            @SuppressWarnings("unchecked")
            KafkaTemplate<String, byte[]> template = beans.getBean(KafkaTemplate.class);
            try (Producer<String, byte[]> producer =
                    template.getProducerFactory().createProducer()) {
                // The names the alert rules and the dashboard query (deploy's PromQlNames lists them).
                assertThat(registry.scrape())
                        .contains("kafka_producer_record_send_total")
                        .contains("kafka_producer_record_error_total")
                        .contains("kafka_producer_request_latency_avg");
            }
        });
    }

    @Test
    void aListenerContainersConsumerRegistersConsumerMeters() {
        context.run(beans -> {
            PrometheusMeterRegistry registry = beans.getBean(PrometheusMeterRegistry.class);
            assertThat(beans.getBean(ConcurrentMessageListenerContainer.class)).isNotNull();
            // Spring-kafka exposes no getter for a container's factory: the test kept it when it built the container.
            try (Consumer<?, ?> consumer = Factories.containersOwn.createConsumer("g", "c")) {
                assertThat(registry.scrape()).contains("kafka_consumer_fetch_manager_records_lag_max");
            }
        });
    }

    @Test
    void aContainerFactorysConsumerRegistersConsumerMetersOnlyOnce() {
        context.run(beans -> {
            ConcurrentKafkaListenerContainerFactory<?, ?> containers =
                    beans.getBean(ConcurrentKafkaListenerContainerFactory.class);
            ConsumerFactory<?, ?> factory = containers.getConsumerFactory();
            // The same factory is also a bean of its own: one listener, not two.
            assertThat(factory.getListeners()).hasSize(1);
            PrometheusMeterRegistry registry = beans.getBean(PrometheusMeterRegistry.class);
            try (Consumer<?, ?> consumer = factory.createConsumer("g", "c2")) {
                assertThat(registry.scrape()).contains("kafka_consumer_");
            }
        });
    }

    @Test
    void rawClientsAreBoundAndUnboundOnClose() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, NOWHERE);
        try (Admin client = Admin.create(admin);
                AutoCloseable meters = KafkaClientMeters.bind(client, registry)) {
            assertThat(registry.scrape()).contains("kafka_admin_client_");
        }
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                        Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, NOWHERE),
                        new StringDeserializer(),
                        new ByteArrayDeserializer());
                AutoCloseable meters = KafkaClientMeters.bind(consumer, registry)) {
            assertThat(registry.scrape()).contains("kafka_consumer_");
        }
        assertThat(registry.scrape()).doesNotContain("kafka_consumer_").doesNotContain("kafka_admin_client_");
    }

    @Configuration(proxyBeanMethods = false)
    static class Factories {
        /** The factory only the container holds (no bean of its own), as the services build them. */
        static DefaultKafkaConsumerFactory<String, byte[]> containersOwn;

        @Bean
        static BeanPostProcessor kafkaClientMeters(ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters) {
            return KafkaClientMeters.postProcessor(meters);
        }

        @Bean
        KafkaTemplate<String, byte[]> template() {
            return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                    Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, NOWHERE),
                    new StringSerializer(),
                    new ByteArraySerializer()));
        }

        @Bean
        ConcurrentMessageListenerContainer<String, byte[]> container() {
            ContainerProperties properties = new ContainerProperties("t");
            properties.setGroupId("g");
            containersOwn = consumerFactory();
            var container = new ConcurrentMessageListenerContainer<>(containersOwn, properties);
            container.setAutoStartup(false);
            return container;
        }

        @Bean
        ConsumerFactory<String, byte[]> sharedConsumerFactory() {
            return consumerFactory();
        }

        @Bean
        ConcurrentKafkaListenerContainerFactory<String, byte[]> containerFactory(
                ConsumerFactory<String, byte[]> sharedConsumerFactory) {
            var factory = new ConcurrentKafkaListenerContainerFactory<String, byte[]>();
            factory.setConsumerFactory(sharedConsumerFactory);
            return factory;
        }

        private static DefaultKafkaConsumerFactory<String, byte[]> consumerFactory() {
            return new DefaultKafkaConsumerFactory<>(
                    Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, NOWHERE),
                    new StringDeserializer(),
                    new ByteArrayDeserializer());
        }
    }
}
