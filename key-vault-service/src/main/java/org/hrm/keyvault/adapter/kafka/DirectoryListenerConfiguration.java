package org.hrm.keyvault.adapter.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.Topic;
import org.hrm.contracts.authority.DirectoryKeeper;
import org.hrm.keyvault.config.AuthorityProperties;
import org.hrm.keyvault.config.KeyVaultProperties;
import org.hrm.keyvault.domain.EventSigner;
import org.hrm.messaging.Acknowledgements;
import org.hrm.support.DirectoryFeed;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * The vault's party directory listener, in its own consumer group: every registration and key rotation on the parties
 * topic is applied only if the shared directory rules accept it; the others are dead-lettered with the reason.
 */
@Configuration(proxyBeanMethods = false)
class DirectoryListenerConfiguration {
    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> directoryListenerContainer(
            KafkaProperties kafka,
            KeyVaultProperties vault,
            AuthorityProperties authority,
            DirectoryKeeper directory,
            KafkaTemplate<String, byte[]> vaultKafkaTemplate,
            EventSigner signer) {
        EventCodec codec = new EventCodec(vault.maxEventBytes());
        DirectoryFeed feed = new DirectoryFeed(codec, directory);
        VaultEventPublisher deadLetters = new VaultEventPublisher(vaultKafkaTemplate, codec, signer);
        Duration sendTimeout = vault.sendTimeout();
        BatchMessageListener<String, byte[]> listener = records -> {
            List<CompletableFuture<?>> sends = new ArrayList<>();
            records.forEach(record ->
                    feed.apply(record).ifPresent(reason -> sends.add(deadLetters.deadLetter(record, reason))));
            Acknowledgements.await(sends, sendTimeout, "the batch's sends");
        };
        return KafkaConfiguration.container(
                kafka,
                vault,
                authority.directoryConsumerGroup(),
                Map.of(),
                1,
                listener,
                List.of(Topic.PARTY_REGISTERED.topicName()));
    }
}
