package org.hrm.consent.adapter.kafka;

import org.hrm.consent.config.ConsentProperties;
import org.hrm.contracts.Topic;
import org.hrm.messaging.CatalogueTopics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics the service consumes and produces, created at startup when missing, each with its catalogue policy
 * (StandingGrants and the party directory compacted: the latest value per key is what counts; record-submitted
 * short, it carries C1).
 */
@Configuration(proxyBeanMethods = false)
class TopicsConfiguration {

    @Bean
    KafkaAdmin.NewTopics consentTopicDefinitions(ConsentProperties consent) {
        if (!consent.createTopics()) {
            return new KafkaAdmin.NewTopics();
        }
        return CatalogueTopics.of(
                consent.topicPartitions(),
                consent.topicReplicas(),
                Topic.PARTY_REGISTERED,
                Topic.RECORD_SUBMITTED,
                Topic.CONSENT_GRANTED,
                Topic.CONSENT_REVOKED,
                Topic.ACCESS_REQUESTED,
                Topic.ACCESS_DECIDED,
                Topic.KEYS_DESTROYED,
                Topic.AUDIT,
                Topic.STANDING_GRANTS,
                Topic.PARTY_DIRECTORY,
                Topic.CONSENT_DEAD_LETTER);
    }
}
