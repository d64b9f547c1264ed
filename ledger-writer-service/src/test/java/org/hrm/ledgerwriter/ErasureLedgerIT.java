package org.hrm.ledgerwriter;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.ErasureCommitted;
import org.hrm.contracts.events.KeysDestroyed;
import org.hrm.contracts.events.RecordSealed;
import org.hrm.contracts.events.Tombstone;
import org.hrm.embedded.EmbeddedMongo;
import org.hrm.ledgerwriter.application.ErasureIndex;
import org.hrm.ledgerwriter.application.SignedTransaction;
import org.hrm.ledgerwriter.application.SigningLane;
import org.hrm.ledgerwriter.domain.GasModel;
import org.hrm.ledgerwriter.domain.RecordTombstone;
import org.hrm.ledgerwriter.domain.TombstoneTransaction;
import org.hrm.ledgerwriter.support.ErasureDriver;
import org.hrm.ledgerwriter.support.ErasureLogs.ErasedLog;
import org.hrm.ledgerwriter.support.Erasures;
import org.hrm.ledgerwriter.support.KafkaProbe;
import org.hrm.ledgerwriter.support.LedgerLogs.StoredRecord;
import org.hrm.ledgerwriter.support.LedgerWriterDriver;
import org.hrm.ledgerwriter.support.Listeners;
import org.hrm.ledgerwriter.support.Records;
import org.hrm.ledgerwriter.support.SharedChain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The erasure path end to end, the test to read first for it: KeysDestroyed in, one RecordErased log
 * per erased record on the domain's ledger and ErasureCommitted out, the tombstones read back with
 * eth_getLogs as an auditor reads them.
 */
@SpringBootTest(classes = LedgerWriterApplication.class)
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@DirtiesContext
class ErasureLedgerIT {
    private static final EmbeddedMongo MONGO = EmbeddedMongo.inMemory(0);

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    ErasureIndex index;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    SigningLane lane;

    @Autowired
    GasModel gas;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    ErasureDriver driver;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        LedgerWriterDriver.chainProperties(registry);
        registry.add("spring.mongodb.uri", () -> MONGO.uri("ledger-writer"));
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @BeforeEach
    void connect() {
        Listeners.awaitAssigned(listeners, 3);
        driver = new ErasureDriver(bootstrapServers);
    }

    @AfterEach
    void disconnect() {
        driver.close();
    }

    @Test
    void writesATombstonePerErasedRecordInItsDomainsLedgerOnlyAndPublishesWhereEachLanded() {
        KeysDestroyed one = Erasures.destroyed(Domain.PATIENT, 1);
        KeysDestroyed several = Erasures.destroyed(Domain.PATIENT, 5);
        KeysDestroyed practitioner = Erasures.destroyed(Domain.PRACTITIONER, 3);
        KeysDestroyed nothing = Erasures.destroyed(Domain.PATIENT, 0);

        driver.publish(one, several, practitioner, nothing);
        Map<KeysDestroyed, ErasureCommitted> committed = new LinkedHashMap<>();
        for (KeysDestroyed request : List.of(one, several, practitioner, nothing)) {
            committed.put(request, driver.awaitCommitted(request));
        }

        committed.forEach(this::assertMatchesTheChain);
        assertThat(committed.get(several).tombstones())
                .extracting(Tombstone::transactionHash)
                .as("many tombstones per transaction")
                .hasSize(5)
                .containsOnly(committed.get(several).tombstones().get(0).transactionHash());
        assertThat(committed.get(nothing).tombstones()).isEmpty();
        assertThat(committed.get(nothing).committedAt()).isEqualTo(nothing.destroyedAt());
        for (KeysDestroyed request : List.of(one, several, practitioner)) {
            String collection = request.domain().id() + "_erasure_index";
            assertThat(mongo.getCollection(collection)
                            .countDocuments(Filters.and(
                                    Filters.in("_id", Erasures.recordIds(request)), Filters.eq("state", "COMMITTED"))))
                    .isEqualTo(request.records().size());
        }
    }

    @Test
    void writesNothingNewAndReEmitsTheSameErasureCommittedWhenARequestArrivesAgain() {
        KeysDestroyed request = Erasures.destroyed(Domain.PRACTITIONER, 3);
        driver.publish(request);
        ErasureCommitted first = driver.awaitCommitted(request);
        List<String> recordIds = Erasures.recordIds(request);
        KeysDestroyed overlapping = Erasures.again(
                request, List.of(recordIds.get(2), UUID.randomUUID().toString()));

        driver.publish(request);
        driver.publish(overlapping);
        List<ErasureCommitted> twice = driver.awaitCommitted(request, 2);
        ErasureCommitted reused = driver.awaitCommitted(overlapping);

        assertThat(twice).containsExactly(first, first);
        for (int i = 0; i < recordIds.size(); i++) {
            assertThat(driver.tombstones(Domain.PRACTITIONER, recordIds.get(i)))
                    .singleElement()
                    .satisfies(log -> assertThat(log.transactionHash())
                            .isEqualTo(first.tombstones().get(0).transactionHash()));
        }
        assertThat(reused.tombstones().get(0)).isEqualTo(first.tombstones().get(2));
        assertMatchesTheChain(overlapping, reused);
    }

    @Test
    void deadLettersBadErasureEventsWithTheirReasonsAndStillCommitsValidOnes() {
        String topic = Topic.KEYS_DESTROYED.name(Domain.PATIENT);
        KeysDestroyed patient = Erasures.destroyed(Domain.PATIENT, 1);
        String valid = driver.json(patient);
        String recordId = patient.records().get(0).recordId();
        KeysDestroyed practitioner = Erasures.destroyed(Domain.PRACTITIONER, 1);
        String marker = UUID.randomUUID().toString();
        Map<String, String> reasons = new LinkedHashMap<>();
        reasons.put(marker + "-malformed", "malformed KeysDestroyed");
        reasons.put(marker + "-type", "unknown event type ErasureRequested");
        reasons.put(marker + "-untyped", "unknown event type (no header)");
        reasons.put(marker + "-unowned", "invalid KeysDestroyed: missing field ownerId");
        reasons.put(marker + "-upper", "invalid KeysDestroyed: recordId must be a lower-case UUID");
        reasons.put(marker + "-mismatch", "domain mismatch: a practitioner KeysDestroyed");
        driver.send(topic, marker + "-malformed", "{\"requestId\": ", "KeysDestroyed");
        driver.send(topic, marker + "-type", valid, "ErasureRequested");
        driver.send(topic, marker + "-untyped", valid, null);
        driver.send(topic, marker + "-unowned", valid.replace("\"ownerId\"", "\"lost\""), "KeysDestroyed");
        driver.send(
                topic, marker + "-upper", valid.replace(recordId, recordId.toUpperCase(Locale.ROOT)), "KeysDestroyed");
        driver.send(topic, marker + "-mismatch", driver.json(practitioner), "KeysDestroyed");
        KeysDestroyed patientAfter = Erasures.destroyed(Domain.PATIENT, 2);
        KeysDestroyed practitionerAfter = Erasures.destroyed(Domain.PRACTITIONER, 1);

        driver.publish(patientAfter, practitionerAfter);
        List<ConsumerRecord<String, byte[]>> deadLetters = driver.awaitDeadLetters(marker, reasons.size());

        assertThat(deadLetters).hasSize(reasons.size());
        for (ConsumerRecord<String, byte[]> letter : deadLetters) {
            assertThat(KafkaProbe.header(letter, EventHeaders.DLT_REASON)).startsWith(reasons.get(letter.key()));
            assertThat(KafkaProbe.header(letter, EventHeaders.DLT_ORIGINAL_TOPIC))
                    .isEqualTo(topic);
            assertThat(KafkaProbe.header(letter, EventHeaders.DLT_SERVICE)).isEqualTo("LEDGER_WRITER");
        }
        assertMatchesTheChain(patientAfter, driver.awaitCommitted(patientAfter));
        assertMatchesTheChain(practitionerAfter, driver.awaitCommitted(practitionerAfter));
        for (Domain ledger : Domain.values()) {
            assertThat(driver.tombstones(ledger, recordId)).isEmpty();
            assertThat(driver.tombstones(ledger, practitioner.records().get(0).recordId()))
                    .isEmpty();
        }
    }

    @Test
    void rebroadcastsTheStoredSignedTransactionOfPendingTombstonesInsteadOfSigningAgain() {
        KeysDestroyed request = Erasures.destroyed(Domain.PRACTITIONER, 4);
        SignedTransaction unsent = signedButNeverSent(request);

        driver.publish(request);
        ErasureCommitted committed = driver.awaitCommitted(request);

        assertThat(committed.tombstones())
                .extracting(Tombstone::transactionHash)
                .containsOnly(unsent.hash());
        assertMatchesTheChain(request, committed);
    }

    /** What a crash right after storing the pending transaction, before broadcasting it, leaves behind. */
    private SignedTransaction signedButNeverSent(KeysDestroyed request) {
        List<RecordTombstone> tombstones = request.records().stream()
                .map(record -> new RecordTombstone(record.recordId(), record.ownerPseudonym()))
                .toList();
        TombstoneTransaction transaction =
                new TombstoneTransaction(tombstones, gas.eraseGasLimit(tombstones.size() * gas.tombstoneGas()));
        SignedTransaction signed = lane.turn(
                () -> lane.chain().signTombstones(SharedChain.contracts().get(request.domain()), transaction));
        index.markPending(request.domain(), List.of(signed));
        return signed;
    }

    /** One RecordErased log per erased record, in the domain's ledger only, exactly where the event says. */
    @Test
    void aRecordErasedBeforeItsRecordSealedIsConsumedIsNeverStoredOnChain() {
        RecordSealed erased = Records.sealed(Domain.PATIENT, 512);
        RecordSealed kept = Records.sealed(Domain.PATIENT, 512);
        KeysDestroyed destroyed = Erasures.destroyed(
                Domain.PATIENT, "owner-" + UUID.randomUUID(), erased.ownerPseudonym(), List.of(erased.recordId()));
        driver.publish(destroyed);
        driver.awaitCommitted(destroyed);

        try (LedgerWriterDriver records = new LedgerWriterDriver(bootstrapServers)) {
            records.publish(List.of(erased, kept));
            records.awaitCommitted(Set.of(kept.recordId()), 1, LedgerWriterDriver.TIMEOUT);

            assertThat(records.awaitCommitted(Set.of(erased.recordId()), 0, LedgerWriterDriver.SETTLE))
                    .isEmpty();
            assertThat(records.allLogs())
                    .extracting(StoredRecord::recordId)
                    .contains(kept.recordId())
                    .doesNotContain(erased.recordId());
        }
        assertThat(driver.tombstones(Domain.PATIENT, erased.recordId())).hasSize(1);
    }

    private void assertMatchesTheChain(KeysDestroyed request, ErasureCommitted committed) {
        String contract = SharedChain.contracts().get(request.domain());
        assertThat(committed.requestId()).isEqualTo(request.requestId());
        assertThat(committed.domain()).isEqualTo(request.domain());
        assertThat(committed.ownerId()).isEqualTo(request.ownerId());
        assertThat(committed.contractAddress()).isEqualToIgnoringCase(contract);
        assertThat(committed.committedAt()).isAfterOrEqualTo(request.destroyedAt());
        assertThat(committed.tombstones())
                .extracting(Tombstone::recordId)
                .containsExactlyElementsOf(Erasures.recordIds(request));
        for (int i = 0; i < request.records().size(); i++) {
            Tombstone tombstone = committed.tombstones().get(i);
            List<ErasedLog> logs = driver.tombstones(request.domain(), tombstone.recordId());
            assertThat(logs).as("exactly one RecordErased log").hasSize(1);
            ErasedLog log = logs.get(0);
            assertThat(log.contract()).isEqualToIgnoringCase(contract);
            assertThat(log.transactionHash()).isEqualTo(tombstone.transactionHash());
            assertThat(log.blockNumber()).isEqualTo(tombstone.blockNumber());
            assertThat(log.logIndex()).isEqualTo(tombstone.logIndex());
            assertThat(log.ownerPseudonym()).isEqualTo(request.records().get(i).ownerPseudonym());
            assertThat(driver.tombstones(other(request.domain()), tombstone.recordId()))
                    .isEmpty();
        }
    }

    private static Domain other(Domain domain) {
        return domain == Domain.PATIENT ? Domain.PRACTITIONER : Domain.PATIENT;
    }
}
