package org.hrm.ledgerwriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hrm.ledgerwriter.support.LedgerWriterDriver.TIMEOUT;
import static org.hrm.ledgerwriter.support.LedgerWriterDriver.events;
import static org.hrm.ledgerwriter.support.LedgerWriterDriver.ids;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.LedgerPayload;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.RecordCommitted;
import org.hrm.contracts.events.RecordSealed;
import org.hrm.ledgerwriter.application.LedgerIndex;
import org.hrm.ledgerwriter.application.SignedTransaction;
import org.hrm.ledgerwriter.application.SigningLane;
import org.hrm.ledgerwriter.domain.GasModel;
import org.hrm.ledgerwriter.domain.LedgerRecord;
import org.hrm.ledgerwriter.domain.PackedTransaction;
import org.hrm.ledgerwriter.support.KafkaProbe;
import org.hrm.ledgerwriter.support.LedgerWriterDriver;
import org.hrm.ledgerwriter.support.Listeners;
import org.hrm.ledgerwriter.support.Records;
import org.hrm.ledgerwriter.support.SharedChain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * The ledger writer end to end, the test to read first: RecordSealed in, RecordStored logs on the
 * domain's ledger, RecordCommitted out. Subclasses bring Kafka and MongoDB; Anvil is shared.
 */
abstract class LedgerWriterScenarios {
    static final int RECORDS = Integer.getInteger("hrm.it.records", 500);

    LedgerWriterDriver driver;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    SigningLane lane;

    @Autowired
    LedgerIndex index;

    @Autowired
    GasModel gas;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @BeforeEach
    void connect() {
        Listeners.awaitAssigned(listeners, 3);
        driver = new LedgerWriterDriver(bootstrapServers);
    }

    @AfterEach
    void disconnect() {
        driver.close();
    }

    @Test
    void commitsEveryRecordExactlyOnceOnItsDomainsLedgerWithManyRecordsPerTransaction() {
        List<RecordSealed> events = events(RECORDS);
        long start = System.nanoTime();

        driver.publish(events);
        Map<String, RecordCommitted> commits = driver.awaitCommits(events);

        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "ledger writer: %d records committed in %.2f s, %.0f records/s%n", RECORDS, seconds, RECORDS / seconds);
        assertThat(commits).hasSize(RECORDS);
        driver.assertMatchesTheChain(events, commits);
        assertThat(commits.values().stream()
                        .map(RecordCommitted::transactionHash)
                        .distinct()
                        .count())
                .isLessThan(RECORDS / 10);
    }

    @Test
    void reEmitsRecordCommittedWithoutWritingAgainWhenTheSameEventsArriveAgain() {
        List<RecordSealed> events = events(100);
        driver.publish(events);
        Map<String, RecordCommitted> first = driver.awaitCommits(events);
        int logsBefore = driver.allLogs().size();

        driver.publish(events);
        List<RecordCommitted> all = driver.awaitCommitted(ids(events), 200, TIMEOUT);

        assertThat(driver.allLogs()).hasSize(logsBefore);
        for (RecordCommitted commit : all) {
            RecordCommitted original = first.get(commit.recordId());
            assertThat(commit.transactionHash()).isEqualTo(original.transactionHash());
            assertThat(commit.logIndex()).isEqualTo(original.logIndex());
            assertThat(commit.blockNumber()).isEqualTo(original.blockNumber());
        }
    }

    @Test
    void deadLettersBadInputsWithTheirReasonsAndKeepsCommittingValidOnesSentAfterThem() {
        String topic = Topic.RECORD_SEALED.name(Domain.PATIENT);
        String valid = driver.json(Records.sealed(Domain.PATIENT, 100));
        String marker = UUID.randomUUID().toString();
        Map<String, String> reasons = new LinkedHashMap<>();
        reasons.put(marker + "-malformed", "malformed RecordSealed");
        reasons.put(marker + "-type", "unknown event type RecordSubmitted");
        reasons.put(marker + "-missing", "invalid RecordSealed: missing field shares");
        reasons.put(marker + "-oversized", "oversized event");
        reasons.put(marker + "-mismatch", "domain mismatch");
        reasons.put(marker + "-domain", "malformed RecordSealed");
        driver.send(topic, marker + "-malformed", "{\"recordId\": ", "RecordSealed");
        driver.send(topic, marker + "-type", valid, "RecordSubmitted");
        driver.send(topic, marker + "-missing", valid.replace("\"shares\"", "\"lost\""), "RecordSealed");
        driver.send(
                topic, marker + "-oversized", driver.json(Records.sealed(Domain.PATIENT, 100 * 1024)), "RecordSealed");
        driver.send(topic, marker + "-mismatch", driver.json(Records.sealed(Domain.PRACTITIONER, 100)), "RecordSealed");
        driver.send(topic, marker + "-domain", valid.replace("\"PATIENT\"", "\"VETERINARY\""), "RecordSealed");
        List<RecordSealed> validAfter = events(20);

        driver.publish(validAfter);
        List<ConsumerRecord<String, byte[]>> deadLetters = driver.awaitDeadLetters(marker, reasons.size(), TIMEOUT);

        assertThat(driver.awaitCommits(validAfter)).hasSize(20);
        assertThat(deadLetters).hasSize(reasons.size());
        for (ConsumerRecord<String, byte[]> letter : deadLetters) {
            assertThat(KafkaProbe.header(letter, EventHeaders.DLT_REASON)).startsWith(reasons.get(letter.key()));
            assertThat(KafkaProbe.header(letter, EventHeaders.DLT_ORIGINAL_TOPIC))
                    .isEqualTo(topic);
            assertThat(KafkaProbe.header(letter, EventHeaders.DLT_ORIGINAL_PARTITION))
                    .isNotBlank();
            assertThat(KafkaProbe.header(letter, EventHeaders.DLT_ORIGINAL_OFFSET))
                    .isNotBlank();
            assertThat(KafkaProbe.header(letter, EventHeaders.DLT_SERVICE)).isEqualTo("LEDGER_WRITER");
            assertThat(KafkaProbe.header(letter, EventHeaders.EVENT_ID)).isNotBlank();
            assertThat(KafkaProbe.header(letter, EventHeaders.DLT_PAYLOAD_SHA256))
                    .as("a digest of the payload")
                    .matches("[0-9a-f]{64}");
            assertThat(letter.value()).as("the payload is not kept").isNull();
        }
    }

    @Test
    void rebroadcastsTheStoredSignedTransactionOfAPendingRecordInsteadOfSigningAgain() {
        List<RecordSealed> events = IntStream.range(0, 10)
                .mapToObj(i -> Records.sealed(Domain.PATIENT, 1_024))
                .toList();
        SignedTransaction unsent = signedButNeverSent(events);

        driver.publish(events);
        Map<String, RecordCommitted> commits = driver.awaitCommits(events);

        assertThat(commits.values())
                .extracting(RecordCommitted::transactionHash)
                .containsOnly(unsent.hash());
        driver.assertMatchesTheChain(events, commits);
    }

    /** What a crash right after storing the pending transaction, before broadcasting it, leaves behind. */
    private SignedTransaction signedButNeverSent(List<RecordSealed> events) {
        List<LedgerRecord> records = events.stream()
                .map(e -> new LedgerRecord(
                        e.recordId(), e.ownerPseudonym(), LedgerPayload.of(e).encode()))
                .toList();
        long gasLimit =
                gas.gasLimit(records.stream().map(LedgerRecord::payloadSize).toList());
        SignedTransaction signed = lane.turn(() -> lane.chain()
                .sign(SharedChain.contracts().get(Domain.PATIENT), new PackedTransaction(records, gasLimit)));
        index.markPending(Domain.PATIENT, List.of(signed));
        return signed;
    }
}
