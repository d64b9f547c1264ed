package org.hrm.keyvault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hrm.keyvault.TestEvents.owner;
import static org.hrm.keyvault.TestEvents.submitted;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.hrm.contracts.Domain;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.RecordSubmitted;
import org.hrm.keyvault.domain.MasterKeyRing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** While MongoDB is down a valid submission is retried, never dead-lettered, and sealed once MongoDB is back. */
@SpringBootTest(
        classes = KeyVaultApplication.class,
        properties = {"hrm.vault.retry-initial-interval=200ms", "hrm.vault.retry-max-interval=1s"})
@EmbeddedKafka
@DirtiesContext
class InfrastructureFailureIT {
    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final InetSocketAddress MONGO_ADDRESS = MONGO.bind();
    private static MongoServer restarted;

    @Autowired
    private EmbeddedKafkaBroker broker;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestAuthorities.trust(registry);
        registry.add(
                "spring.mongodb.uri",
                () -> "mongodb://127.0.0.1:" + MONGO_ADDRESS.getPort() + "/keyvault?serverSelectionTimeoutMS=1000");
        registry.add(
                "spring.kafka.bootstrap-servers",
                () -> System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS));
        registry.add("HRM_VAULT_MASTER_KEYS", MasterKeyRing::generateKeyFileContent);
    }

    @AfterAll
    static void stopMongo() {
        if (restarted != null) {
            restarted.shutdownNow();
        }
    }

    @Test
    void retriesAValidSubmissionWhileMongoIsDownAndSealsItOnceMongoIsBack() throws Exception {
        RecordSubmitted event = submitted(Domain.PATIENT, owner());
        MONGO.shutdownNow();

        try (KafkaProbe kafka = new KafkaProbe(broker.getBrokersAsString())) {
            kafka.submit(Topic.RECORD_SUBMITTED.name(Domain.PATIENT), event);
            TimeUnit.SECONDS.sleep(4);
            assertThat(kafka.sealedCount(Domain.PATIENT, event.recordId())).isZero();

            restarted = new MongoServer(new MemoryBackend());
            restarted.bind(MONGO_ADDRESS);

            assertThat(kafka.awaitSealed(Domain.PATIENT, event.recordId(), 1)).hasSize(1);
            assertThat(kafka.deadLetterCount(event.recordId())).isZero();
        }
    }
}
