package org.hrm.ledgerwriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hrm.ledgerwriter.support.LedgerWriterDriver.events;
import static org.hrm.ledgerwriter.support.LedgerWriterDriver.ids;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hrm.contracts.events.RecordCommitted;
import org.hrm.contracts.events.RecordSealed;
import org.hrm.embedded.EmbeddedMongo;
import org.hrm.ledgerwriter.support.LedgerWriterDriver;
import org.hrm.ledgerwriter.support.Listeners;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** An infrastructure outage never dead-letters a valid record: the batch waits and commits once it is back. */
@SpringBootTest(classes = LedgerWriterApplication.class)
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@DirtiesContext
class LedgerWriterRecoveryIT {
    private static final int MONGO_PORT = freePort();
    private static EmbeddedMongo mongo = EmbeddedMongo.inMemory(MONGO_PORT);

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        LedgerWriterDriver.chainProperties(registry);
        registry.add(
                "spring.mongodb.uri",
                () -> "mongodb://127.0.0.1:" + MONGO_PORT
                        + "/ledger-writer?serverSelectionTimeoutMS=1000&connectTimeoutMS=1000");
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @Test
    void keepsValidRecordsWhileMongoIsDownAndCommitsThemOnceWhenItIsBack() {
        Listeners.awaitAssigned(listeners, 3);
        try (LedgerWriterDriver driver = new LedgerWriterDriver(bootstrapServers)) {
            List<RecordSealed> events = events(30);
            mongo.close();

            driver.publish(events);
            List<?> duringOutage = driver.awaitDeadLetters("", 1, Duration.ofSeconds(4));
            mongo = EmbeddedMongo.inMemory(MONGO_PORT);
            Map<String, RecordCommitted> commits = driver.awaitCommits(events);

            assertThat(duringOutage).isEmpty();
            assertThat(commits).hasSize(30).containsOnlyKeys(ids(events));
            driver.assertMatchesTheChain(events, commits);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
