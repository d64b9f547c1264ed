package org.hrm.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hrm.consent.ConsentEvents.id;
import static org.hrm.consent.ConsentEvents.party;
import static org.hrm.consent.ConsentEvents.requested;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.hrm.consent.domain.DecisionSigningKey;
import org.hrm.contracts.Domain;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.AccessDecided;
import org.hrm.contracts.events.AccessRequested;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** While MongoDB is down a valid request is retried, never dead-lettered, and decided once MongoDB is back. */
@SpringBootTest(
        classes = ConsentApplication.class,
        properties = {"hrm.consent.retry-initial-interval=200ms", "hrm.consent.retry-max-interval=1s"})
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
        registry.add(
                "spring.mongodb.uri",
                () -> "mongodb://127.0.0.1:" + MONGO_ADDRESS.getPort() + "/consent?serverSelectionTimeoutMS=1000");
        registry.add(
                "spring.kafka.bootstrap-servers",
                () -> System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS));
        registry.add("HRM_CONSENT_SIGNING_KEY", DecisionSigningKey::generateKeyFileContent);
    }

    @AfterAll
    static void stopMongo() {
        if (restarted != null) {
            restarted.shutdownNow();
        }
    }

    @Test
    void retriesARequestWhileMongoIsDownAndDecidesItOnceMongoIsBack() throws Exception {
        AccessRequested request = requested(Domain.PATIENT, id(), party("nobody"));
        MONGO.shutdownNow();

        try (ConsentProbe kafka = new ConsentProbe(broker.getBrokersAsString())) {
            kafka.send(Topic.ACCESS_REQUESTED.name(Domain.PATIENT), request.recordId(), request);
            TimeUnit.SECONDS.sleep(4);
            assertThatThrownBy(() -> kafka.awaitDeadLetter(request.recordId(), 1))
                    .isInstanceOf(AssertionError.class);

            restarted = new MongoServer(new MemoryBackend());
            restarted.bind(MONGO_ADDRESS);

            AccessDecided decision = kafka.awaitDecision(Domain.PATIENT, request.requestId());
            assertThat(decision.reason()).isEqualTo("requester is not a registered party");
        }
    }
}
