package org.hrm.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hrm.consent.ConsentEvents.granted;
import static org.hrm.consent.ConsentEvents.party;
import static org.hrm.consent.ConsentEvents.registered;
import static org.hrm.consent.ConsentEvents.requested;
import static org.hrm.consent.ConsentEvents.revoked;
import static org.hrm.consent.ConsentEvents.submitted;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.hrm.consent.domain.DecisionSigningKey;
import org.hrm.contracts.Domain;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.AccessBasis;
import org.hrm.contracts.events.AccessDecided;
import org.hrm.contracts.events.AccessRequested;
import org.hrm.contracts.events.ConsentGranted;
import org.hrm.contracts.events.GrantScope;
import org.hrm.contracts.events.PartyKind;
import org.hrm.contracts.events.RecordSubmitted;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The main scenario of {@link ConsentIT} against a real Kafka broker and a real MongoDB (replica set) in containers,
 * with the signing key in a key file; skipped where no Docker engine is reachable.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(classes = ConsentApplication.class)
@DirtiesContext
class ConsentContainersIT {
    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka-native:4.1.1");

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    private static final String SIGNING_KEY = DecisionSigningKey.generateKeyFileContent();

    @Autowired
    private MongoTemplate mongo;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBootstrapServers);
        registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl("consent"));
        registry.add("hrm.consent.signing-key-file", ConsentContainersIT::keyFile);
    }

    @Test
    void allowsAGranteeWithASignedDecisionAndDeniesTheNextRequestOnceTheGrantIsRevoked() {
        TestKeys aliceKeys = TestKeys.generate();
        String alice = party("alice");
        String doctor = party("dr-who");
        RecordSubmitted lab = submitted(Domain.PATIENT, alice, party("lab-system"), "lab");
        ConsentGranted grant = granted(Domain.PATIENT, alice, doctor, GrantScope.category("lab"), aliceKeys);

        try (ConsentProbe kafka = new ConsentProbe(KAFKA.getBootstrapServers())) {
            ConsentDriver driver = new ConsentDriver(kafka, mongo);
            driver.register(
                    registered(alice, PartyKind.PATIENT, aliceKeys, null),
                    registered("hospital-of-" + doctor, PartyKind.SYSTEM, TestKeys.generate(), null),
                    registered(doctor, PartyKind.PRACTITIONER, TestKeys.generate(), "hospital-of-" + doctor));
            driver.index(lab);
            driver.grant(grant);
            AccessDecided allowed = decide(kafka, requested(Domain.PATIENT, lab.recordId(), doctor));
            driver.revoke(revoked(Domain.PATIENT, grant.grantId(), alice, aliceKeys));
            AccessDecided denied = decide(kafka, requested(Domain.PATIENT, lab.recordId(), doctor));

            byte[] publicKey = Base64.getDecoder().decode(DecisionSigningKey.publicKeyBase64(SIGNING_KEY));
            assertThat(allowed.basis()).isEqualTo(AccessBasis.GRANT);
            assertThat(TestKeys.verify(publicKey, allowed.signedBytes(), allowed.signature()))
                    .isTrue();
            assertThat(denied.reason()).isEqualTo("grant revoked");
        }
    }

    private static AccessDecided decide(ConsentProbe kafka, AccessRequested request) {
        kafka.send(Topic.ACCESS_REQUESTED.name(request.domain()), request.recordId(), request);
        return kafka.awaitDecision(request.domain(), request.requestId());
    }

    private static String keyFile() {
        try {
            Path file = Files.createTempFile("hrm-consent", ".key");
            file.toFile().deleteOnExit();
            return Files.writeString(file, SIGNING_KEY).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
