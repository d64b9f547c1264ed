package org.hrm.keyvault.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code hrm.vault}; everything the vault needs besides {@code spring.mongodb.uri} and
 * {@code spring.kafka.bootstrap-servers}.
 *
 * @param masterKeyFile key file ({@code v1=...}, {@code pseudonym=...}); when unset, the environment variable
 *     {@code HRM_VAULT_MASTER_KEYS} holds the same entries, {@code ;}-separated
 * @param consumerGroup Kafka consumer group of the submission listener
 * @param concurrency listener threads (at most the number of partitions is useful)
 * @param topicPartitions partitions of the topics the vault creates
 * @param topicReplicas replication factor of the topics the vault creates
 * @param createTopics whether to create the topics the vault consumes and produces
 * @param maxEventBytes largest RecordSubmitted accepted; larger ones are dead-lettered
 * @param sendTimeout how long a batch waits for its sends to be acknowledged before it is retried
 * @param retryInitialInterval first back-off after an infrastructure failure (the batch is retried, never dropped)
 * @param retryMaxInterval longest back-off between retries
 */
@ConfigurationProperties("hrm.vault")
public record KeyVaultProperties(
        Path masterKeyFile,
        @DefaultValue("key-vault-service") String consumerGroup,
        @DefaultValue("1") int concurrency,
        @DefaultValue("3") int topicPartitions,
        @DefaultValue("1") short topicReplicas,
        @DefaultValue("true") boolean createTopics,
        @DefaultValue("262144") int maxEventBytes,
        @DefaultValue("30s") Duration sendTimeout,
        @DefaultValue("500ms") Duration retryInitialInterval,
        @DefaultValue("30s") Duration retryMaxInterval) {}
