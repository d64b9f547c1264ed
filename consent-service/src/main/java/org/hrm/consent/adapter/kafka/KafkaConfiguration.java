package org.hrm.consent.adapter.kafka;

import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.hrm.consent.application.AccessDecisions;
import org.hrm.consent.application.ConsentChanges;
import org.hrm.consent.application.PartyRegistration;
import org.hrm.consent.application.RecordErasures;
import org.hrm.consent.application.RecordIndexing;
import org.hrm.consent.config.ConsentProperties;
import org.hrm.consent.domain.DecisionSigningKey;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.Topic;
import org.hrm.messaging.BatchContainers;
import org.hrm.messaging.BatchRetries;
import org.hrm.messaging.ConsumerSettings;
import org.hrm.messaging.ProducerSettings;
import org.hrm.messaging.PromptSends;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * Kafka clients of the service, built with the messaging library and set in code so nothing depends on an
 * application.properties: its producer (idempotent, acks=all, not lingering: {@link PromptSends}), and five batch
 * listeners (parties, records, grants and revocations, access requests, erasures), each in its own consumer group,
 * committing only after the batch's sends and retrying a failed batch without end.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {
    private final DecisionSigningKey signingKey;

    /** The decision key also signs the audit events this service publishes (see AuditEvent). */
    KafkaConfiguration(DecisionSigningKey signingKey) {
        this.signingKey = signingKey;
    }

    /** Room for a dead letter of any record the broker accepted (1 MiB by default) plus our headers. */
    static final int MAX_RECORD_BYTES = 2 * 1024 * 1024;

    @Bean
    KafkaTemplate<String, byte[]> consentKafkaTemplate(KafkaProperties kafka) {
        return ProducerSettings.from(kafka)
                .maxRequestBytes(MAX_RECORD_BYTES)
                .promptSends()
                .template();
    }

    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> partyListenerContainer(
            KafkaProperties kafka,
            ConsentProperties consent,
            PartyRegistration registration,
            DirectoryEvents directoryEvents,
            KafkaTemplate<String, byte[]> consentKafkaTemplate) {
        Parts parts = new Parts(consent, consentKafkaTemplate, signingKey);
        return container(
                kafka,
                consent,
                "parties",
                Topic.PARTY_REGISTERED.allNames(),
                new PartyBatchListener(
                        parts.parser(), registration, directoryEvents, parts.publisher(), consent.sendTimeout()));
    }

    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> recordListenerContainer(
            KafkaProperties kafka,
            ConsentProperties consent,
            RecordIndexing indexing,
            KafkaTemplate<String, byte[]> consentKafkaTemplate) {
        Parts parts = new Parts(consent, consentKafkaTemplate, signingKey);
        return container(
                kafka,
                consent,
                "records",
                Topic.RECORD_SUBMITTED.allNames(),
                new RecordBatchListener(parts.parser(), indexing, parts.publisher(), consent.sendTimeout()));
    }

    /**
     * Grants and revocations share one listener: both are keyed by owner id and have the same partition count, so
     * (range assignment) one owner's grants and revocations are processed by one thread, in order within a poll.
     */
    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> consentListenerContainer(
            KafkaProperties kafka,
            ConsentProperties consent,
            ConsentChanges changes,
            KafkaTemplate<String, byte[]> consentKafkaTemplate,
            Clock consentClock) {
        Parts parts = new Parts(consent, consentKafkaTemplate, signingKey);
        List<String> topics = Stream.concat(
                        Topic.CONSENT_GRANTED.allNames().stream(), Topic.CONSENT_REVOKED.allNames().stream())
                .toList();
        return container(
                kafka,
                consent,
                "consent",
                topics,
                new ConsentBatchListener(
                        parts.parser(),
                        changes,
                        parts.publisher(),
                        consent.sendTimeout(),
                        new UnknownPartyGrace(consent.unknownPartyGrace(), consentClock)));
    }

    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> accessListenerContainer(
            KafkaProperties kafka,
            ConsentProperties consent,
            AccessDecisions decisions,
            RequestAuthority requestAuthority,
            KafkaTemplate<String, byte[]> consentKafkaTemplate) {
        Parts parts = new Parts(consent, consentKafkaTemplate, signingKey);
        return container(
                kafka,
                consent,
                "access",
                Topic.ACCESS_REQUESTED.allNames(),
                new AccessBatchListener(
                        parts.parser(), decisions, requestAuthority, parts.publisher(), consent.sendTimeout()));
    }

    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> erasureListenerContainer(
            KafkaProperties kafka,
            ConsentProperties consent,
            RecordErasures erasures,
            KafkaTemplate<String, byte[]> consentKafkaTemplate,
            @Value("${hrm.consent.vault-public-key:}") String vaultPublicKey) {
        Parts parts = new Parts(consent, consentKafkaTemplate, signingKey);
        return container(
                kafka,
                consent,
                "erasure",
                Topic.KEYS_DESTROYED.allNames(),
                new ErasureBatchListener(
                        parts.parser(),
                        erasures,
                        parts.publisher(),
                        consent.sendTimeout(),
                        vaultPublicKey.isBlank() ? null : Base64.getDecoder().decode(vaultPublicKey.strip())));
    }

    /**
     * A batch container of the library ({@link BatchContainers}) in the consumer group {@code <consumerGroup>.<name>},
     * retrying a failed batch as {@code hrm.consent.retry-*} say.
     */
    private static ConcurrentMessageListenerContainer<String, byte[]> container(
            KafkaProperties kafka,
            ConsentProperties consent,
            String name,
            List<String> topics,
            BatchMessageListener<String, byte[]> listener) {
        return BatchContainers.container(
                ConsumerSettings.from(kafka).factory(),
                consent.consumerGroup() + "." + name,
                topics,
                consent.concurrency(),
                new BatchRetries(consent.retryInitialInterval(), consent.retryMaxInterval()),
                listener);
    }

    /** What every listener needs: a parser with the size limit and the publisher. */
    private record Parts(EventParser parser, ConsentPublisher publisher) {
        Parts(ConsentProperties consent, KafkaTemplate<String, byte[]> template, DecisionSigningKey signingKey) {
            this(
                    new EventParser(new EventCodec(consent.maxEventBytes())),
                    new ConsentPublisher(template, new EventCodec(consent.maxEventBytes()), signingKey));
        }
    }
}
