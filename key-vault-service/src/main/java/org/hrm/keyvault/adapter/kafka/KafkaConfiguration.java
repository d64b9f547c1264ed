package org.hrm.keyvault.adapter.kafka;

import java.util.Collection;
import java.util.Map;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.RecordLimits;
import org.hrm.contracts.Topic;
import org.hrm.keyvault.application.RecordSealing;
import org.hrm.keyvault.config.KeyVaultProperties;
import org.hrm.keyvault.domain.EventSigner;
import org.hrm.messaging.BatchContainers;
import org.hrm.messaging.BatchRetries;
import org.hrm.messaging.CatalogueTopics;
import org.hrm.messaging.ConsumerSettings;
import org.hrm.messaging.ProducerSettings;
import org.hrm.messaging.PromptSends;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * Kafka clients of the vault, built with the messaging library and set in code so nothing depends on an
 * application.properties: an idempotent producer with acks=all that does not linger ({@link PromptSends}), the submission listener (a batch consumer that commits only after the batch's sends), and the
 * topics it uses. The release path's listener is in {@link ReleaseListenerConfiguration}, erasure's and the vault commands' in
 * {@link ErasureListenerConfiguration}, the receipts' in {@link ReceiptListenerConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {
    /** A RecordSealed or RecordReleased of a 4 MiB record, and a dead letter of anything the broker accepted. */
    private static final int MAX_RECORD_BYTES = RecordLimits.MAX_MESSAGE_BYTES;

    @Bean
    KafkaTemplate<String, byte[]> vaultKafkaTemplate(KafkaProperties kafka) {
        return ProducerSettings.from(kafka)
                .maxRequestBytes(MAX_RECORD_BYTES)
                .promptSends()
                .template();
    }

    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> submissionListenerContainer(
            KafkaProperties kafka,
            KeyVaultProperties vault,
            RecordSealing sealing,
            KafkaTemplate<String, byte[]> vaultKafkaTemplate,
            VaultAuthority authority,
            EventSigner signer) {
        return container(
                kafka,
                vault,
                vault.consumerGroup(),
                Map.of(),
                vault.concurrency(),
                listener(vault, sealing, vaultKafkaTemplate, authority, signer),
                Topic.RECORD_SUBMITTED.allNames());
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

    /**
     * A batch container of the library ({@link BatchContainers}): {@code overrides} over the consumer settings, a
     * failed batch retried without end as {@code hrm.vault.retry-*} say (an infrastructure failure never dead-letters
     * a valid record; bad records never reach the retry, the parsers turn them into dead letters).
     */
    static ConcurrentMessageListenerContainer<String, byte[]> container(
            KafkaProperties kafka,
            KeyVaultProperties vault,
            String groupId,
            Map<String, Object> overrides,
            int concurrency,
            BatchMessageListener<String, byte[]> listener,
            Collection<String> topics) {
        return BatchContainers.container(
                ConsumerSettings.from(kafka).setAll(overrides).factory(),
                groupId,
                topics,
                concurrency,
                new BatchRetries(vault.retryInitialInterval(), vault.retryMaxInterval()),
                listener);
    }
}
