package org.hrm.support;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.hrm.contracts.Topic;
import org.hrm.messaging.CatalogueTopics;
import org.hrm.messaging.KafkaClientMeters;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.CompositeProducerListener;
import org.springframework.kafka.support.LoggingProducerListener;

/**
 * The ops side of a service: import it and declare a {@link ServiceIdentity} bean. It counts every acknowledged
 * send of the service's KafkaTemplates, adds Kafka's client metrics to every producer and consumer factory, publishes heartbeats to the service's heartbeat topic (creating it unless
 * {@code hrm.ops.create-topic=false}), and sets the actuator defaults in {@code hrm-ops.properties} (health probes,
 * {@code /actuator/prometheus}); the server port is {@code server.port}, 8080 unless set.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OpsProperties.class)
@PropertySource("classpath:hrm-ops.properties")
public class OpsConfiguration {

    @Bean
    ServiceActivity serviceActivity(MeterRegistry meters) {
        return new ServiceActivity(meters);
    }

    /** Every KafkaTemplate keeps logging failed sends and also reports acknowledged ones to the counts. */
    @Bean
    static BeanPostProcessor kafkaTemplateActivity(ObjectProvider<ServiceActivity> activity) {
        return new BeanPostProcessor() {
            @Override
            @SuppressWarnings({"unchecked", "rawtypes"})
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof KafkaTemplate template) {
                    template.setProducerListener(
                            new CompositeProducerListener(new LoggingProducerListener<>(), new LazyActivity(activity)));
                }
                return bean;
            }
        };
    }

    /** Kafka's client metrics on every producer and consumer factory the service builds (see KafkaClientMeters). */
    @Bean
    static BeanPostProcessor kafkaClientMeters(ObjectProvider<MeterRegistry> meters) {
        return KafkaClientMeters.postProcessor(meters);
    }

    /** {@code hrm_health{component}}: each health indicator as a gauge, so rules can page on an unreachable database. */
    @Bean
    SmartInitializingSingleton healthGauges(
            ObjectProvider<HealthContributorRegistry> health, ObjectProvider<MeterRegistry> meters) {
        return () -> health.ifAvailable(
                contributors -> meters.ifAvailable(registry -> HealthGauges.register(contributors, registry)));
    }

    @Bean
    @ConditionalOnProperty(name = "hrm.ops.heartbeats", havingValue = "true", matchIfMissing = true)
    Heartbeats heartbeats(
            ServiceIdentity identity,
            OpsProperties properties,
            KafkaAdmin kafkaAdmin,
            KafkaListenerEndpointRegistry registry,
            ServiceActivity activity,
            ObjectProvider<LedgerStatusProbe> ledger,
            MeterRegistry meters) {
        Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return new Heartbeats(
                heartbeatTopic(identity),
                properties,
                config,
                admin -> new HeartbeatPublisher(
                        identity,
                        activity,
                        () -> {
                            try {
                                return new ConsumerLag(registry, admin, properties.adminTimeout()).measure();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                throw new IllegalStateException("interrupted", e);
                            } catch (Exception e) {
                                throw new IllegalStateException(e.getMessage(), e);
                            }
                        },
                        Optional.ofNullable(ledger.getIfAvailable()),
                        meters,
                        Clock.systemUTC()));
    }

    @Bean
    @ConditionalOnProperty(name = "hrm.ops.create-topic", havingValue = "true", matchIfMissing = true)
    NewTopic heartbeatNewTopic(ServiceIdentity identity) {
        // The catalogue gives heartbeat topics one partition (a few beats per second at most, read in order).
        Topic heartbeats = heartbeatEntry(identity);
        return CatalogueTopics.newTopic(heartbeats, heartbeats.topicName(), 1, CatalogueTopics.BROKER_DEFAULT_REPLICAS);
    }

    private static String heartbeatTopic(ServiceIdentity identity) {
        return heartbeatEntry(identity).topicName();
    }

    private static Topic heartbeatEntry(ServiceIdentity identity) {
        return Topic.heartbeatsOf(identity.service())
                .orElseThrow(() -> new IllegalStateException("the catalogue has no heartbeat topic of " + identity));
    }
}
