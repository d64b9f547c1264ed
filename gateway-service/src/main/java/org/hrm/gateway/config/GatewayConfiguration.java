package org.hrm.gateway.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.hrm.contracts.RecordLimits;
import org.hrm.contracts.Topic;
import org.hrm.contracts.authority.AttestationKeys;
import org.hrm.contracts.authority.AuditAuthority;
import org.hrm.contracts.authority.DirectoryRules;
import org.hrm.contracts.authority.ProvenanceKeyRule;
import org.hrm.crypto.P256KeyPair;
import org.hrm.gateway.adapter.kafka.AttestedAccessRequests;
import org.hrm.gateway.adapter.kafka.AuditMapping;
import org.hrm.gateway.adapter.kafka.KafkaCommands;
import org.hrm.gateway.adapter.kafka.ReaderSupervisor;
import org.hrm.gateway.adapter.kafka.TopicProjection;
import org.hrm.gateway.adapter.kafka.ViewFeeds;
import org.hrm.gateway.adapter.ops.KafkaChainOps;
import org.hrm.gateway.application.Attester;
import org.hrm.gateway.application.AuditBook;
import org.hrm.gateway.application.DirectoryBook;
import org.hrm.gateway.application.ErasureBook;
import org.hrm.gateway.application.Fetches;
import org.hrm.gateway.application.GatewayAudit;
import org.hrm.gateway.application.GatewayCommands;
import org.hrm.gateway.application.HeartbeatBook;
import org.hrm.gateway.application.RecordBook;
import org.hrm.gateway.application.ReleaseAnswers;
import org.hrm.gateway.application.ReleaseStore;
import org.hrm.gateway.application.ViewStore;
import org.hrm.gateway.application.Views;
import org.hrm.messaging.CatalogueTopics;
import org.hrm.messaging.ConsumerSettings;
import org.hrm.messaging.DeadLetters;
import org.hrm.messaging.ProducerSettings;
import org.hrm.support.ServiceActivity;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/**
 * The gateway's views, the supervised topic reader that feeds them, its Kafka producer and the ops figures' source. Its Kafka
 * clients are built with the messaging library from Spring Boot's {@code spring.kafka.*} properties (TLS and SASL
 * settings included) and report Kafka's client metrics. {@code
 * hrm.gateway.kafka.enabled=false} leaves out everything that connects (API tests supply their own).
 */
@Configuration
@EnableConfigurationProperties(GatewayProperties.class)
@PropertySource("classpath:hrm-gateway.properties")
class GatewayConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The attestation key from its secret file; without one, a throwaway key that no consumer trusts. */
    @Bean
    Attester attester(GatewayProperties properties, Clock clock) throws IOException {
        String file = properties.attestation().keyFile();
        P256KeyPair key;
        if (file.isBlank()) {
            LoggerFactory.getLogger(GatewayConfiguration.class)
                    .warn("hrm.gateway.attestation.key-file is not set: attesting with a throwaway key nobody trusts");
            key = P256KeyPair.generate();
        } else {
            key = P256KeyPair.fromPrivateKey(
                    Base64.getDecoder().decode(Files.readString(Path.of(file)).trim()));
        }
        return new Attester(key, properties.attestation().keyId(), clock);
    }

    /** The views, starting from what the gateway's database holds; the topic reader brings them up to date. */
    @Bean
    Views views(Attester attester, ViewStore store, ReleaseStore releases, Clock clock) {
        DirectoryBook directory = new DirectoryBook(
                new DirectoryRules(AttestationKeys.of(Map.of(attester.keyId(), attester.publicKey()))), store);
        RecordBook records = new RecordBook(provenanceCheck(directory), store);
        return new Views(
                records,
                new ErasureBook(records, store),
                directory,
                new AuditBook(),
                new ReleaseAnswers(releases, clock),
                new HeartbeatBook());
    }

    /**
     * The author's signature judged against the keys the directory says it held, by {@link ProvenanceKeyRule} with the
     * seal's time; unknown authors do not verify.
     */
    static RecordBook.ProvenanceCheck provenanceCheck(DirectoryBook directory) {
        return (authorId, signedBytes, signature, sealedAt) -> ProvenanceKeyRule.verifies(
                authorId, directory.party(authorId).orElse(null), signedBytes, signature, () -> Optional.of(sealedAt));
    }

    /** One topic reader over the views; the supervisor makes a new one whenever the last one died or got stuck. */
    TopicProjection topicProjection(
            KafkaProperties kafka,
            Views views,
            DeadLetters deadLetters,
            Consumer<String> deadLettered,
            MeterRegistry meters,
            AuditAuthority auditAuthority) {
        return new TopicProjection(
                ConsumerSettings.from(kafka), ViewFeeds.of(views, auditAuthority), deadLetters, deadLettered, meters);
    }

    /**
     * Whose audit events enter an access history: consent-service's (its decision key) and this gateway's (its
     * attestation key). Without consent's key, a throwaway key stands in that nothing verifies under.
     */
    @Bean
    AuditAuthority auditAuthority(GatewayProperties properties, Attester attester) {
        String consentKey = properties.consentPublicKey().strip();
        byte[] consent;
        if (consentKey.isEmpty()) {
            LoggerFactory.getLogger(GatewayConfiguration.class)
                    .warn("hrm.gateway.consent-public-key is not set: consent-service's audit events (access"
                            + " decisions, consent changes, erasures) will not appear in access histories");
            consent = P256KeyPair.generate().publicKey();
        } else {
            consent = Base64.getDecoder().decode(consentKey);
        }
        return new AuditAuthority(consent, AttestationKeys.of(Map.of(attester.keyId(), attester.publicKey())));
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    @ConditionalOnProperty(name = "hrm.gateway.kafka.enabled", matchIfMissing = true)
    ReaderSupervisor readerSupervisor(
            KafkaProperties kafka,
            Views views,
            KafkaCommands commands,
            ServiceActivity activity,
            MeterRegistry meters,
            GatewayProperties properties,
            AuditAuthority auditAuthority) {
        DeadLetters deadLetters = commands.deadLetters();
        return new ReaderSupervisor(
                () -> topicProjection(kafka, views, deadLetters, activity::deadLettered, meters, auditAuthority),
                properties.readerStallAfter());
    }

    /** In the readiness group: DOWN while the topic reader is dead, stuck behind, or being replaced. */
    @Bean
    @ConditionalOnProperty(name = "hrm.gateway.kafka.enabled", matchIfMissing = true)
    HealthIndicator topicReaders(ReaderSupervisor supervisor) {
        return () -> {
            ReaderSupervisor.Status status = supervisor.status();
            return (status.up() ? Health.up() : Health.down())
                    .withDetail("reader", status.detail())
                    .withDetail("restarts", status.restarts())
                    .build();
        };
    }

    /** The gateway's dead-letter topic, where the deployment does not create topics up front (the sandbox). */
    @Bean
    @ConditionalOnProperty(name = "hrm.ops.create-topic", havingValue = "true", matchIfMissing = true)
    NewTopic gatewayDeadLetterTopic(@Value("${hrm.gateway.topic-partitions:3}") int partitions) {
        // With the catalogue's policy, like every other topic (RetentionAgreementTest, SandboxTopicsIT).
        return CatalogueTopics.newTopic(
                Topic.GATEWAY_DEAD_LETTER,
                Topic.GATEWAY_DEAD_LETTER.topicName(),
                partitions,
                CatalogueTopics.BROKER_DEFAULT_REPLICAS);
    }

    @Bean
    @ConditionalOnProperty(name = "hrm.gateway.kafka.enabled", matchIfMissing = true)
    KafkaCommands kafkaCommands(KafkaProperties kafka, Clock clock, MeterRegistry meters) {
        // A RecordSubmitted of a 4 MiB record is about 5.6 MB; Kafka's default request limit is 1 MB.
        ProducerSettings settings = ProducerSettings.from(kafka)
                .set(ProducerConfig.CLIENT_ID_CONFIG, "hrm-gateway")
                .maxRequestBytes(RecordLimits.MAX_MESSAGE_BYTES);
        return new KafkaCommands(settings.producer(), clock, meters);
    }

    @Bean
    Fetches fetches(
            GatewayCommands commands, Attester attester, Views views, Clock clock, GatewayProperties properties) {
        return new Fetches(
                new AttestedAccessRequests(commands, attester), views.answers(), clock, properties.fetchWait());
    }

    @Bean
    GatewayAudit gatewayAudit(GatewayCommands commands, Views views, Attester attester, Clock clock) {
        return new GatewayAudit(commands, views.audit(), new AuditMapping(attester), clock);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "hrm.gateway.kafka.enabled", matchIfMissing = true)
    KafkaChainOps opsSource(
            KafkaProperties kafka,
            GatewayProperties properties,
            Views views,
            Clock clock,
            MeterRegistry meters,
            // The file of the key the gateway signs chain RPC tokens with (a Besu node with JWT authentication);
            // unset: the node needs none (Anvil). Beside GatewayProperties, whose other settings it does not touch.
            @Value("${hrm.gateway.chain-rpc-token-key-file:}") String chainRpcTokenKeyFile) {
        return new KafkaChainOps(
                kafka.buildAdminProperties(),
                properties.chainRpc(),
                chainRpcTokenKeyFile,
                views.records(),
                views.heartbeats(),
                clock,
                meters);
    }
}
