package org.hrm.keyvault.adapter.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.RecordLimits;
import org.hrm.contracts.Topic;
import org.hrm.keyvault.application.RecordSealing;
import org.hrm.keyvault.config.KeyVaultProperties;
import org.hrm.keyvault.domain.EventSigner;
import org.hrm.messaging.CatalogueTopics;
import org.hrm.messaging.PromptSends;
import org.hrm.messaging.RetryLogger;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Kafka clients of the vault, set in code so nothing depends on an application.properties: an idempotent producer
 * with acks=all that does not linger ({@link PromptSends}), the submission listener (a batch consumer that commits only after the batch's sends), and the
 * topics it uses. The release path's listener is in {@link ReleaseListenerConfiguration}, erasure's and the vault commands' in
 * {@link ErasureListenerConfiguration}, the receipts' in {@link ReceiptListenerConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {
    /** A RecordSealed or RecordReleased of a 4 MiB record, and a dead letter of anything the broker accepted. */
    private static final int MAX_RECORD_BYTES = RecordLimits.MAX_MESSAGE_BYTES;

    @Bean
    KafkaTemplate<String, byte[]> vaultKafkaTemplate(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_RECORD_BYTES);
        PromptSends.apply(config);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> submissionListenerContainer(
            KafkaProperties kafka,
            KeyVaultProperties vault,
            RecordSealing sealing,
            KafkaTemplate<String, byte[]> vaultKafkaTemplate,
            VaultAuthority authority,
            EventSigner signer) {
        ContainerProperties properties =
                new ContainerProperties(Topic.RECORD_SUBMITTED.allNames().toArray(String[]::new));
        properties.setAckMode(ContainerProperties.AckMode.BATCH);
        properties.setGroupId(vault.consumerGroup());
        ConcurrentMessageListenerContainer<String, byte[]> container =
                new ConcurrentMessageListenerContainer<>(consumerFactory(kafka), properties);
        container.setConcurrency(vault.concurrency());
        container.setCommonErrorHandler(retryForever(vault));
        container.setupMessageListener(listener(vault, sealing, vaultKafkaTemplate, authority, signer));
        return container;
    }

    @Bean
    KafkaAdmin.NewTopics vaultTopics(KeyVaultProperties vault) {
        if (!vault.createTopics()) {
            return new KafkaAdmin.NewTopics();
        }
        // The release path's and the receipts' topics too, even while they are off, so consumers can subscribe.
        // Each with its catalogue policy: the operators' command topic has one partition (commands run in order).
        return CatalogueTopics.of(
                vault.topicPartitions(),
                vault.topicReplicas(),
                Topic.RECORD_SUBMITTED,
                Topic.RECORD_SEALED,
                Topic.ACCESS_DECIDED,
                Topic.RECORD_RELEASED,
                Topic.RECORD_RELEASE_DENIED,
                Topic.ERASURE_REQUESTED,
                Topic.KEYS_DESTROYED,
                Topic.ERASURE_COMMITTED,
                Topic.ERASURE_RECEIPTS,
                Topic.VAULT_PROGRESS,
                Topic.VAULT_COMMANDS,
                Topic.KEY_VAULT_DEAD_LETTER,
                Topic.PARTY_REGISTERED);
    }

    private static SubmissionBatchListener listener(
            KeyVaultProperties vault,
            RecordSealing sealing,
            KafkaTemplate<String, byte[]> template,
            VaultAuthority authority,
            EventSigner signer) {
        EventCodec codec = new EventCodec(vault.maxEventBytes());
        return new SubmissionBatchListener(
                new SubmissionParser(codec),
                authority,
                sealing,
                new VaultEventPublisher(template, codec, signer),
                vault.sendTimeout());
    }

    static DefaultKafkaConsumerFactory<String, byte[]> consumerFactory(KafkaProperties kafka) {
        return consumerFactory(kafka, Map.of());
    }

    static DefaultKafkaConsumerFactory<String, byte[]> consumerFactory(
            KafkaProperties kafka, Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.putAll(overrides);
        return new DefaultKafkaConsumerFactory<>(config);
    }

    /**
     * Infrastructure failures (Mongo or Kafka down) must not dead-letter valid records: every exception is
     * retryable and the back-off never gives up, so the batch is redelivered until it goes through. Bad records
     * never reach here, the parser turns them into dead letters.
     */
    static DefaultErrorHandler retryForever(KeyVaultProperties vault) {
        ExponentialBackOff backOff =
                new ExponentialBackOff(vault.retryInitialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(vault.retryMaxInterval().toMillis());
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
