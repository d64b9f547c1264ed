package org.hrm.keyvault.adapter.kafka;

import java.util.Map;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.Topic;
import org.hrm.keyvault.application.ErasureReceipts;
import org.hrm.keyvault.config.KeyVaultProperties;
import org.hrm.keyvault.domain.EventSigner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * The receipts' listener on every erasure-committed topic, present only with a receipt key
 * ({@code hrm.vault.receipt-key-file}); without one, ErasureCommitted waits uncommitted for a vault that has it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "hrm.vault", name = "receipt-key-file")
class ReceiptListenerConfiguration {

    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> receiptListenerContainer(
            KafkaProperties kafka,
            KeyVaultProperties vault,
            ErasureReceipts receipts,
            KafkaTemplate<String, byte[]> vaultKafkaTemplate,
            VaultAuthority authority,
            EventSigner signer) {
        EventCodec codec = new EventCodec(vault.maxEventBytes());
        return KafkaConfiguration.container(
                kafka,
                vault,
                vault.receiptConsumerGroup(),
                Map.of(),
                vault.concurrency(),
                new ReceiptBatchListener(
                        new ErasureParser(codec, authority),
                        receipts,
                        new ErasureEventPublisher(vaultKafkaTemplate, codec, signer),
                        new VaultEventPublisher(vaultKafkaTemplate, codec, signer),
                        vault.sendTimeout()),
                Topic.ERASURE_COMMITTED.allNames());
    }
}
