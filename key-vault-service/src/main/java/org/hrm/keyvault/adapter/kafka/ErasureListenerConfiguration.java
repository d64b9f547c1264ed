package org.hrm.keyvault.adapter.kafka;

import java.time.Duration;
import java.util.List;
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
        EventCodec codec = new EventCodec(vault.maxEventBytes());
        return KafkaConfiguration.container(
                kafka,
                vault,
                vault.erasureConsumerGroup(),
                Map.of(),
                vault.concurrency(),
                new ErasureBatchListener(
                        new ErasureParser(codec, authority),
                        erasure,
                        new ErasureEventPublisher(vaultKafkaTemplate, codec, signer),
                        new VaultEventPublisher(vaultKafkaTemplate, codec, signer),
                        vault.sendTimeout()),
                Topic.ERASURE_REQUESTED.allNames());
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
        EventCodec codec = new EventCodec(vault.maxEventBytes());
        return KafkaConfiguration.container(
                kafka,
                vault,
                vault.commandConsumerGroup(),
                Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1, ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int)
                        COMMAND_MAX_RUN.toMillis()),
                1,
                new VaultCommandListener(
                        new ErasureParser(codec, authority),
                        rotation,
                        new ErasureEventPublisher(vaultKafkaTemplate, codec, signer),
                        new VaultEventPublisher(vaultKafkaTemplate, codec, signer),
                        vault.sendTimeout()),
                List.of(Topic.VAULT_COMMANDS.topicName()));
    }
}
