package org.hrm.keyvault.adapter.kafka;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.Topic;
import org.hrm.keyvault.application.MasterKeyRotation;
import org.hrm.keyvault.application.RecordErasure;
import org.hrm.keyvault.config.KeyVaultProperties;
import org.hrm.keyvault.domain.EventSigner;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;

/**
 * The erasure listener (every erasure-requested topic) and the vault-commands listener, each with its own
 * container and consumer group so neither holds up sealing.
 */
@Configuration(proxyBeanMethods = false)
class ErasureListenerConfiguration {
    /** A rotation runs inside one poll: give it time before the group considers the consumer dead. */
    private static final Duration COMMAND_MAX_RUN = Duration.ofHours(1);

    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> erasureListenerContainer(
            KafkaProperties kafka,
            KeyVaultProperties vault,
            RecordErasure erasure,
            KafkaTemplate<String, byte[]> vaultKafkaTemplate,
            VaultAuthority authority,
            EventSigner signer) {
        ConcurrentMessageListenerContainer<String, byte[]> container = container(
                kafka,
                vault,
                vault.erasureConsumerGroup(),
                Map.of(),
                Topic.ERASURE_REQUESTED.allNames().toArray(String[]::new));
        container.setConcurrency(vault.concurrency());
        EventCodec codec = new EventCodec(vault.maxEventBytes());
        container.setupMessageListener(new ErasureBatchListener(
                new ErasureParser(codec, authority),
                erasure,
                new ErasureEventPublisher(vaultKafkaTemplate, codec, signer),
                new VaultEventPublisher(vaultKafkaTemplate, codec, signer),
                vault.sendTimeout()));
        return container;
    }

    /** One consumer, one command per poll: commands run one after the other, in the order of their partition. */
    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> vaultCommandListenerContainer(
            KafkaProperties kafka,
            KeyVaultProperties vault,
            MasterKeyRotation rotation,
            KafkaTemplate<String, byte[]> vaultKafkaTemplate,
            VaultAuthority authority,
            EventSigner signer) {
        ConcurrentMessageListenerContainer<String, byte[]> container = container(
                kafka,
                vault,
                vault.commandConsumerGroup(),
                Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1, ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int)
                        COMMAND_MAX_RUN.toMillis()),
                Topic.VAULT_COMMANDS.topicName());
        container.setConcurrency(1);
        EventCodec codec = new EventCodec(vault.maxEventBytes());
        container.setupMessageListener(new VaultCommandListener(
                new ErasureParser(codec, authority),
                rotation,
                new ErasureEventPublisher(vaultKafkaTemplate, codec, signer),
                new VaultEventPublisher(vaultKafkaTemplate, codec, signer),
                vault.sendTimeout()));
        return container;
    }

    static ConcurrentMessageListenerContainer<String, byte[]> container(
            KafkaProperties kafka,
            KeyVaultProperties vault,
            String groupId,
            Map<String, Object> overrides,
            String... topics) {
        ContainerProperties properties = new ContainerProperties(topics);
        properties.setAckMode(ContainerProperties.AckMode.BATCH);
        properties.setGroupId(groupId);
        ConcurrentMessageListenerContainer<String, byte[]> container = new ConcurrentMessageListenerContainer<>(
                KafkaConfiguration.consumerFactory(kafka, overrides), properties);
        container.setCommonErrorHandler(KafkaConfiguration.retryForever(vault));
        return container;
    }
}
