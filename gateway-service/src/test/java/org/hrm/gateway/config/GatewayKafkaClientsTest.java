package org.hrm.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.hrm.contracts.ServiceName;
import org.hrm.contracts.Topic;
import org.hrm.gateway.adapter.kafka.KafkaCommands;
import org.hrm.gateway.adapter.kafka.TopicProjection;
import org.hrm.gateway.adapter.ops.KafkaChainOps;
import org.hrm.gateway.application.Attester;
import org.hrm.gateway.application.Views;
import org.hrm.messaging.DeadLetters;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * The gateway's hand-built Kafka clients (its producer, its topic reader, the dashboard's admin client) are made from
 * Spring Boot's Kafka properties and put Kafka's client metrics on the registry, and take them off when closed. No
 * broker is needed: a client registers its metrics when it is created.
 */
class GatewayKafkaClientsTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final GatewayConfiguration configuration = new GatewayConfiguration();

    private static KafkaProperties kafka() {
        KafkaProperties kafka = new KafkaProperties();
        kafka.setBootstrapServers(List.of("127.0.0.1:1"));
        kafka.getProperties().put("client.dns.lookup", "use_all_dns_ips");
        return kafka;
    }

    @Test
    void theProducerReportsProducerMetrics() throws Exception {
        try (KafkaCommands commands = configuration.kafkaCommands(kafka(), Clock.systemUTC(), registry)) {
            assertThat(registry.scrape()).contains("kafka_producer_record_send_total");
        }
        assertThat(registry.scrape()).doesNotContain("kafka_producer_");
    }

    @Test
    void theTopicReaderReportsConsumerMetrics() throws Exception {
        GatewayProperties properties = Binding.defaults();
        Attester attester = configuration.attester(properties, Clock.systemUTC());
        DeadLetters deadLetters = new DeadLetters(
                record -> CompletableFuture.completedFuture(null), Topic.GATEWAY_DEAD_LETTER, ServiceName.GATEWAY);
        TopicProjection reader = configuration.topicProjection(
                kafka(),
                views(),
                deadLetters,
                reason -> {},
                registry,
                configuration.auditAuthority(properties, attester));
        assertThat(registry.scrape()).contains("kafka_consumer_");
        reader.start();
        reader.close();
        assertThat(registry.scrape()).doesNotContain("kafka_consumer_");
    }

    @Test
    void theDashboardsAdminClientReportsAdminMetrics() throws Exception {
        GatewayProperties properties = Binding.defaults();
        try (KafkaChainOps ops =
                configuration.opsSource(kafka(), properties, views(), Clock.systemUTC(), registry, "")) {
            assertThat(registry.scrape()).contains("kafka_admin_client_");
        }
        assertThat(registry.scrape()).doesNotContain("kafka_admin_client_");
    }

    private Views views() throws Exception {
        return configuration.views(
                configuration.attester(Binding.defaults(), Clock.systemUTC()),
                org.hrm.gateway.application.ViewStore.none(),
                new org.hrm.gateway.application.InMemoryReleaseStore(),
                Clock.systemUTC());
    }

    /** The gateway's properties with their defaults, as Spring binds them from an empty environment. */
    private static final class Binding {
        static GatewayProperties defaults() {
            return new org.springframework.boot.context.properties.bind.Binder(
                            new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(
                                    Map.of("hrm.gateway.chain-rpc", "http://127.0.0.1:1")))
                    .bindOrCreate("hrm.gateway", GatewayProperties.class);
        }
    }
}
