package org.hrm.keyvault.adapter.kafka;

import java.util.Map;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.Topic;
import org.hrm.keyvault.application.RecordRelease;
import org.hrm.keyvault.config.KeyVaultProperties;
import org.hrm.keyvault.domain.EventSigner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * The release path's listener: its own container and consumer group on every access-decided topic, so a slow chain
 * never holds up sealing. Present only when the chain is configured ({@code hrm.vault.chain.rpc-url}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "hrm.vault.chain", name = "rpc-url")
class ReleaseListenerConfiguration {

    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> releaseListenerContainer(
            KafkaProperties kafka,
            KeyVaultProperties vault,
            RecordRelease release,
            KafkaTemplate<String, byte[]> vaultKafkaTemplate,
            VaultAuthority authority,
            EventSigner signer) {
        EventCodec codec = new EventCodec(vault.maxEventBytes());
        return KafkaConfiguration.container(
                kafka,
                vault,
                vault.releaseConsumerGroup(),
                Map.of(),
                vault.concurrency(),
                new ReleaseBatchListener(
                        new DecisionParser(codec),
                        release,
                        new VaultEventPublisher(vaultKafkaTemplate, codec, signer),
                        vault.sendTimeout()),
                Topic.ACCESS_DECIDED.allNames());
    }
}
