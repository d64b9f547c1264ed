package org.hrm.keyvault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hrm.keyvault.TestEvents.owner;
import static org.hrm.keyvault.TestEvents.submitted;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.RecordSealed;
import org.hrm.contracts.events.RecordSubmitted;
import org.hrm.keyvault.application.OuterDecryption;
import org.hrm.keyvault.domain.MasterKeyRing;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The main scenario of {@link KeyVaultIT} against a real Kafka broker and a real MongoDB (replica set) in
 * containers, with the master key in a key file; skipped where no Docker engine is reachable.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(classes = KeyVaultApplication.class)
@DirtiesContext
class KeyVaultContainersIT {
    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka-native:4.1.1");

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    @Autowired
    private OuterDecryption outerDecryption;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestAuthorities.trust(registry);
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBootstrapServers);
        registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl("keyvault"));
        registry.add("hrm.vault.master-key-file", KeyVaultContainersIT::keyFile);
    }

    @Test
    void sealsASubmissionThatRemoveOuterLayerTurnsBackIntoTheExactC1() {
        RecordSubmitted event = submitted(Domain.PATIENT, owner());

        try (KafkaProbe kafka = new KafkaProbe(KAFKA.getBootstrapServers())) {
            kafka.submit(Topic.RECORD_SUBMITTED.name(Domain.PATIENT), event);

            byte[] sealed = kafka.awaitSealed(Domain.PATIENT, event.recordId(), 1)
                    .get(0)
                    .value();
            byte[] c2 = new EventCodec().decode(sealed, RecordSealed.class).outerCiphertext();
            assertThat(outerDecryption.removeOuterLayer(Domain.PATIENT, event.recordId(), c2))
                    .isEqualTo(event.innerCiphertext());
        }
    }

    private static String keyFile() {
        try {
            Path file = Files.createTempFile("hrm-master", ".keys");
            file.toFile().deleteOnExit();
            return Files.writeString(file, MasterKeyRing.generateKeyFileContent())
                    .toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
