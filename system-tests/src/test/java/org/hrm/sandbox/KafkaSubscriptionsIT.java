package org.hrm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hrm.contracts.KafkaRole;
import org.hrm.contracts.TopicAccess;
import org.hrm.contracts.authority.AuditAuthority;
import org.hrm.gateway.adapter.kafka.ViewFeeds;
import org.hrm.gateway.application.Views;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The readers of the topic catalogue ({@link TopicAccess}, from which every Kafka ACL is made) are what the running
 * services' code subscribes to: each service's listener containers (beans and {@code @KafkaListener}s), and the
 * gateway's view feeds, read exactly the topics the catalogue names that service a reader of, in consumer groups
 * its group ACL covers. A new listener on a topic the catalogue does not give its service fails here, and so does a
 * catalogue reader whose service stopped reading: the ACLs cannot drift from the code.
 */
class KafkaSubscriptionsIT {

    @Test
    void everyServiceReadsExactlyTheTopicsTheCatalogueNamesItAReaderOf() {
        Platform platform = SharedPlatform.get();
        Map<KafkaRole, ConfigurableApplicationContext> services = Map.of(
                KafkaRole.CONSENT, platform.consent(),
                KafkaRole.KEY_VAULT, platform.keyVault(),
                KafkaRole.LEDGER_WRITER, platform.ledgerWriter(),
                KafkaRole.GATEWAY, platform.gateway());

        services.forEach((role, context) -> {
            List<MessageListenerContainer> containers = containers(context);
            Set<String> topics = new TreeSet<>();
            containers.forEach(container -> topics.addAll(topics(container)));
            if (role == KafkaRole.GATEWAY) {
                topics.addAll(ViewFeeds.of(context.getBean(Views.class), context.getBean(AuditAuthority.class))
                        .keySet());
            }

            assertThat(topics)
                    .as("topics %s reads", role)
                    .containsExactlyInAnyOrderElementsOf(TopicAccess.topicsReadBy(role));
            assertThat(containers)
                    .as("consumer groups of %s", role)
                    .allSatisfy(container -> assertThat(container.getGroupId())
                            .startsWith(role.groupPrefix().orElseThrow()));
            assertThat(!containers.isEmpty())
                    .as("%s has a group rule", role)
                    .isEqualTo(role.groupPrefix().isPresent());
        });
    }

    private static List<MessageListenerContainer> containers(ConfigurableApplicationContext context) {
        List<MessageListenerContainer> containers = new ArrayList<>(
                context.getBeansOfType(MessageListenerContainer.class).values());
        context.getBeansOfType(KafkaListenerEndpointRegistry.class)
                .values()
                .forEach(registry -> containers.addAll(registry.getListenerContainers()));
        return containers;
    }

    private static List<String> topics(MessageListenerContainer container) {
        String[] topics = container.getContainerProperties().getTopics();
        assertThat(topics)
                .as("topics of container %s (no pattern, no manual partitions)", container.getListenerId())
                .isNotNull();
        return Arrays.asList(topics);
    }
}
