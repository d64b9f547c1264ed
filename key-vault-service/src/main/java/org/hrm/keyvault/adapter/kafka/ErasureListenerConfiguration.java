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

    /**
     * A single-record erasure re-wraps every other key of the owner, so a poll's cost grows with its owners' record
     * counts. Kafka's default poll (500 requests, 5 minutes) let a burst of erasures of large owners outlast the poll
     * interval: the group dropped the consumer, the batch was redelivered, and erasures stalled (the 200/s chaos run,
     * six owners of 6,700 records each). Few requests per poll and a long interval keep each batch well inside it.
     */
    private static final int ERASURES_PER_POLL = 16;

    private static final Duration ERASURE_MAX_RUN = Duration.ofMinutes(30);

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
                erasureConsumer(),
                vault.concurrency(),
                new ErasureBatchListener(
                        new ErasureParser(codec, authority),
                        erasure,
                        new ErasureEventPublisher(vaultKafkaTemplate, codec, signer),
                        new VaultEventPublisher(vaultKafkaTemplate, codec, signer),
                        vault.sendTimeout()),
                Topic.ERASURE_REQUESTED.allNames());
    }

    /** The erasure consumer's poll: see {@link #ERASURES_PER_POLL}. */
    static Map<String, Object> erasureConsumer() {
        return Map.of(
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                ERASURES_PER_POLL,
                ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG,
                (int) ERASURE_MAX_RUN.toMillis());
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
