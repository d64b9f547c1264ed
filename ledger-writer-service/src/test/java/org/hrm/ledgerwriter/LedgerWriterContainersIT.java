package org.hrm.ledgerwriter;

import org.hrm.ledgerwriter.support.LedgerWriterDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/** The same scenarios against Kafka and a MongoDB replica set in containers (Anvil still from npm); skipped without Docker. */
@SpringBootTest(classes = LedgerWriterApplication.class)
@Testcontainers(disabledWithoutDocker = true)
@DirtiesContext
class LedgerWriterContainersIT extends LedgerWriterScenarios {
    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        LedgerWriterDriver.chainProperties(registry);
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBootstrapServers);
        registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl("ledger-writer"));
    }
}
