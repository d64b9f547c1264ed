package org.hrm.consent.adapter.kafka;

import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.hrm.consent.config.ConsentProperties;
import org.hrm.contracts.ErasableTopics;
import org.hrm.contracts.Topic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics the service consumes and produces, created at startup when missing: StandingGrants compacted (the
 * latest list per owner is what counts), the party directory compacted and unlimited, the dead-letter topic large enough for any record the broker accepted.
 */
@Configuration(proxyBeanMethods = false)
class ConsentTopics {

    @Bean
    KafkaAdmin.NewTopics consentTopicDefinitions(ConsentProperties consent) {
        if (!consent.createTopics()) {
            return new KafkaAdmin.NewTopics();
        }
        Stream<NewTopic> standing = Topic.STANDING_GRANTS.allNames().stream()
                .map(name -> topic(name, consent)
                        .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                        .build());
        // Each party's whole signed history: compacted, and never deleted by age (a party registered years ago
        // is still a party).
        NewTopic directory = topic(Topic.PARTY_DIRECTORY.topicName(), consent)
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .build();
        NewTopic deadLetters = topic(Topic.CONSENT_DEAD_LETTER.topicName(), consent)
                .config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(KafkaWiring.MAX_RECORD_BYTES))
                .build();
        return new KafkaAdmin.NewTopics(Stream.of(plain(consent), standing, Stream.of(directory, deadLetters))
                .flatMap(each -> each)
                .toArray(NewTopic[]::new));
    }

    private static Stream<NewTopic> plain(ConsentProperties consent) {
        return Stream.of(
                        Topic.PARTY_REGISTERED,
                        Topic.RECORD_SUBMITTED,
                        Topic.CONSENT_GRANTED,
                        Topic.CONSENT_REVOKED,
                        Topic.ACCESS_REQUESTED,
                        Topic.ACCESS_DECIDED,
                        Topic.KEYS_DESTROYED,
                        Topic.AUDIT)
                .flatMap(topic -> topic.allNames().stream().map(name -> {
                    TopicBuilder builder = topic(name, consent);
                    if (ErasableTopics.carriesC1(topic)) {
                        builder.configs(ErasableTopics.config(topic));
                    }
                    topic.retention()
                            .ifPresent(retention -> builder.config(
                                    TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis())));
                    return builder.build();
                }));
    }

    private static TopicBuilder topic(String name, ConsentProperties consent) {
        return TopicBuilder.name(name).partitions(consent.topicPartitions()).replicas(consent.topicReplicas());
    }
}
