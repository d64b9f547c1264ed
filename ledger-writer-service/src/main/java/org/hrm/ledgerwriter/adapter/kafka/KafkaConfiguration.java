package org.hrm.ledgerwriter.adapter.kafka;

import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.Topic;
import org.hrm.ledgerwriter.config.AuthorityProperties;
import org.hrm.ledgerwriter.config.LedgerProperties;
import org.hrm.messaging.BatchContainers;
import org.hrm.messaging.BatchRetries;
import org.hrm.messaging.CatalogueTopics;
import org.hrm.messaging.ConsumerSettings;
import org.hrm.messaging.ProducerSettings;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Kafka clients of the ledger writer, built with the messaging library: five batch listener container factories
 * (records; consents, erasures, parties and audit events, each in its own consumer group) whose offsets are committed
 * after the batch (AckMode BATCH) and retried without end on failure, an idempotent producer with acks=all, topics.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {
    static final String CONSENT_CONTAINER_FACTORY = "consentListenerContainerFactory";
    static final String ERASURE_CONTAINER_FACTORY = "erasureListenerContainerFactory";
    static final String DIRECTORY_CONTAINER_FACTORY = "directoryListenerContainerFactory";
    static final String AUDIT_CONTAINER_FACTORY = "auditListenerContainerFactory";

    private static final int DEAD_LETTER_MAX_BYTES = 2 * 1024 * 1024;
    /** The ledger writer's back-off between attempts at a failed batch: 200 ms, doubling to 10 s. */
    private static final BatchRetries RETRIES = new BatchRetries(Duration.ofMillis(200), Duration.ofSeconds(10));
    /** How often the consent consumer, while its topics are idle, settles the revocations held for their grant. */
    static final Duration CONSENT_IDLE_PASS = Duration.ofSeconds(5);

    @Bean
    ConsumerFactory<String, byte[]> ledgerConsumerFactory(
            KafkaProperties kafka, KafkaConnectionDetails connection, LedgerProperties ledger) {
        return ConsumerSettings.from(kafka)
                .bootstrapServers(connection.getConsumer().getBootstrapServers())
                .setIfAbsent(ConsumerConfig.GROUP_ID_CONFIG, ledger.consumerGroup())
                .setIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, ledger.maxPollRecords())
                .factory();
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> kafkaListenerContainerFactory(
            ConsumerFactory<String, byte[]> consumerFactory) {
        return batchFactory(consumerFactory);
    }

    /**
     * The consent listener's own consumer group: its offsets never wait on, or hold back, the records'. Idle events
     * every {@link #CONSENT_IDLE_PASS} while nothing arrives.
     */
    @Bean(CONSENT_CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> consentListenerContainerFactory(
            ConsumerFactory<String, byte[]> consumerFactory, LedgerProperties ledger) {
        var factory = batchFactory(consumerFactory);
        factory.getContainerProperties().setGroupId(ledger.consentConsumerGroup());
        // Published on the consumer thread: a held revocation's grace runs out even when no consent event comes.
        factory.getContainerProperties().setIdleEventInterval(CONSENT_IDLE_PASS.toMillis());
        return factory;
    }

    /** The erasure listener's own consumer group: an erasure never waits behind a backlog of records. */
    @Bean(ERASURE_CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> erasureListenerContainerFactory(
            ConsumerFactory<String, byte[]> consumerFactory, LedgerProperties ledger) {
        var factory = batchFactory(consumerFactory);
        factory.getContainerProperties().setGroupId(ledger.erasureConsumerGroup());
        return factory;
    }

    /** The parties listener's own consumer group: the directory is rebuilt from the topic's start, never skipped. */
    @Bean(DIRECTORY_CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> directoryListenerContainerFactory(
            ConsumerFactory<String, byte[]> consumerFactory, AuthorityProperties authority) {
        var factory = batchFactory(consumerFactory);
        factory.getContainerProperties().setGroupId(authority.directoryConsumerGroup());
        return factory;
    }

    /** The audit listener's own consumer group: anchoring never waits behind records, nor they behind it. */
    @Bean(AUDIT_CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> auditListenerContainerFactory(
            ConsumerFactory<String, byte[]> consumerFactory, LedgerProperties ledger) {
        var factory = batchFactory(consumerFactory);
        factory.getContainerProperties().setGroupId(ledger.auditConsumerGroup());
        return factory;
    }

    // One consumer per container unless a listener asks for more; all sign on the one lane, which serialises their
    // nonces. Infrastructure failures retry the whole batch without end: a valid record is never dropped.
    private static ConcurrentKafkaListenerContainerFactory<String, byte[]> batchFactory(
            ConsumerFactory<String, byte[]> consumerFactory) {
        return BatchContainers.factory(consumerFactory, RETRIES);
    }

    @Bean
    ProducerFactory<String, byte[]> ledgerProducerFactory(KafkaProperties kafka, KafkaConnectionDetails connection) {
        return ProducerSettings.from(kafka)
                .bootstrapServers(connection.getProducer().getBootstrapServers())
                .setIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5)
                // A dead letter is the original event plus headers: let one of the broker's largest still pass.
                .setIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, DEAD_LETTER_MAX_BYTES)
                .factory();
    }

    @Bean
    KafkaTemplate<String, byte[]> ledgerKafkaTemplate(ProducerFactory<String, byte[]> producerFactory) {
        return new KafkaTemplate<>(producerFactory);
    }

    @Bean
    EventCodec ledgerEventCodec(LedgerProperties ledger) {
        return new EventCodec(ledger.maxEventBytes());
    }

    /** The topics it reads and writes, each with its catalogue policy (the audit topics: six years). */
    @Bean
    KafkaAdmin.NewTopics ledgerTopics(LedgerProperties ledger) {
        return CatalogueTopics.of(
                ledger.topicPartitions(),
                CatalogueTopics.BROKER_DEFAULT_REPLICAS,
                Topic.RECORD_SEALED,
                Topic.RECORD_COMMITTED,
                Topic.CONSENT_GRANTED,
                Topic.CONSENT_REVOKED,
                Topic.KEYS_DESTROYED,
                Topic.ERASURE_COMMITTED,
                Topic.LEDGER_WRITER_DEAD_LETTER,
                Topic.PARTY_REGISTERED,
                Topic.AUDIT,
                Topic.GATEWAY_AUDIT,
                Topic.AUDIT_ANCHORED);
    }
}
