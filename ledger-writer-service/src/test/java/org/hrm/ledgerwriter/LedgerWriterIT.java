package org.hrm.ledgerwriter;

import org.hrm.embedded.EmbeddedMongo;
import org.hrm.ledgerwriter.support.LedgerWriterDriver;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The ledger writer against an in-process KRaft broker, an embedded MongoDB-wire server and Anvil. */
@SpringBootTest(classes = LedgerWriterApplication.class)
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@DirtiesContext
class LedgerWriterIT extends LedgerWriterScenarios {
    private static final EmbeddedMongo MONGO = EmbeddedMongo.inMemory(0);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        LedgerWriterDriver.chainProperties(registry);
        registry.add("spring.mongodb.uri", () -> MONGO.uri("ledger-writer"));
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }
}
