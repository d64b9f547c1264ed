package org.hrm.ledgerwriter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.Topic;
import org.hrm.contracts.audit.AccessHistoryExport;
import org.hrm.contracts.audit.AccessHistoryExports;
import org.hrm.contracts.audit.AuditHistoryCheck;
import org.hrm.contracts.audit.MerkleTree;
import org.hrm.contracts.events.AuditAnchored;
import org.hrm.contracts.events.AuditEvent;
import org.hrm.contracts.ledger.RecordLedger;
import org.hrm.crypto.P256KeyPair;
import org.hrm.embedded.EmbeddedMongo;
import org.hrm.ledgerwriter.support.KafkaProbe;
import org.hrm.ledgerwriter.support.LedgerWriterDriver;
import org.hrm.ledgerwriter.support.Listeners;
import org.hrm.ledgerwriter.support.SharedChain;
import org.hrm.ledgerwriter.support.TestAuthority;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.http.HttpService;

/**
 * The audit path end to end, the test to read first for it: audit events of both audit topics in, their roots in
 * AuditAnchored logs of the ledger, AuditAnchored out, and a patient's export checked against the roots read back
 * with eth_getLogs as an auditor reads them.
 */
@SpringBootTest(classes = LedgerWriterApplication.class)
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@DirtiesContext
class AuditAnchorIT {
    private static final EmbeddedMongo MONGO = EmbeddedMongo.inMemory(0);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    private final EventCodec codec = new EventCodec();
    private KafkaProbe probe;
    private Web3j web3j;

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
        probe = new KafkaProbe(
                bootstrapServers,
                List.of(Topic.AUDIT_ANCHORED.topicName(), Topic.LEDGER_WRITER_DEAD_LETTER.topicName()));
        web3j = Web3j.build(new HttpService(SharedChain.rpcUrl()));
    }

    @AfterEach
    void disconnect() {
        probe.close();
        web3j.shutdown();
    }

    @Test
    void anchorsBothAuditTopicsOnTheLedgerAndAPatientsExportChecksAgainstTheChainAlone() throws IOException {
        String patient = "patient-" + UUID.randomUUID();
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            boolean byConsent = i % 2 == 0;
            AuditEvent event = event(patient).signedBy(byConsent ? TestAuthority.CONSENT : TestAuthority.ATTESTER);
            events.add(event);
            String topic = byConsent ? Topic.AUDIT.topicName() : Topic.GATEWAY_AUDIT.topicName();
            probe.send(topic, patient, codec.encode(event), "AuditEvent");
        }
        probe.flush();

        List<AuditAnchored> anchors = awaitAnchored(events);

        Map<String, AuditHistoryCheck.AnchoredRoot> onChain = rootsOnChain();
        anchors.forEach(anchor -> assertThat(onChain).containsKey(anchor.root()));
        AccessHistoryExport export = AccessHistoryExports.of(patient, events, anchors, Instant.now());
        assertThat(export.entries())
                .extracting(AccessHistoryExport.Entry::sequence)
                .containsExactly(1L, 2L, 3L, 4L);
        AuditHistoryCheck.Report report =
                AuditHistoryCheck.check(export, root -> Optional.ofNullable(onChain.get(root)));
        assertThat(report.findings()).isEmpty();
        assertThat(report.verified()).isEqualTo(4);
    }

    /**
     * Whoever may write an audit topic cannot put an entry in a patient's anchored history: an unsigned event, one
     * signed by a stranger, and the gateway's event replayed on consent-service's topic are dead-lettered with the
     * reason and never anchored, while the genuine event sent after them is.
     */
    @Test
    void anAuditEventItsTopicsProducerDidNotSignIsDeadLetteredAndNeverAnchored() {
        String patient = "patient-" + UUID.randomUUID();
        AuditEvent unsigned = event(patient);
        AuditEvent byStranger = event(patient).signedBy(P256KeyPair.generate());
        AuditEvent gatewaysOnConsentTopic = event(patient).signedBy(TestAuthority.ATTESTER);
        AuditEvent genuine = event(patient).signedBy(TestAuthority.CONSENT);
        for (AuditEvent event : List.of(unsigned, byStranger, gatewaysOnConsentTopic)) {
            probe.send(Topic.AUDIT.topicName(), patient, codec.encode(event), "AuditEvent");
        }
        probe.send(Topic.GATEWAY_AUDIT.topicName(), patient, codec.encode(byStranger), "AuditEvent");
        probe.send(Topic.AUDIT.topicName(), patient, codec.encode(genuine), "AuditEvent");
        probe.flush();

        List<AuditAnchored> anchors = awaitAnchored(List.of(genuine));

        List<String> anchoredIds = anchors.stream()
                .flatMap(anchor -> anchor.entries().stream())
                .map(AuditAnchored.Entry::eventId)
                .toList();
        assertThat(anchoredIds)
                .doesNotContain(unsigned.id(), byStranger.id(), gatewaysOnConsentTopic.id())
                .contains(genuine.id());
        List<String> reasons = probe
                .await(
                        record -> record.topic().equals(Topic.LEDGER_WRITER_DEAD_LETTER.topicName())
                                && patient.equals(record.key()),
                        4,
                        TIMEOUT,
                        Duration.ZERO)
                .stream()
                .map(record -> KafkaProbe.header(record, EventHeaders.DLT_REASON))
                .toList();
        assertThat(reasons)
                .containsExactlyInAnyOrder(
                        "unsigned audit event",
                        "audit event not signed by consent-service's decision key",
                        "audit event not signed by consent-service's decision key",
                        "audit event not signed by a trusted gateway attestation key");
    }

    private List<AuditAnchored> awaitAnchored(List<AuditEvent> events) {
        List<String> ids = events.stream().map(AuditEvent::id).toList();
        Map<String, AuditAnchored> byEvent = new HashMap<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        int read = 0;
        Predicate<ConsumerRecord<String, byte[]>> anchoredTopic =
                record -> record.topic().equals(Topic.AUDIT_ANCHORED.topicName());
        while (byEvent.size() < ids.size() && System.nanoTime() < deadline) {
            List<ConsumerRecord<String, byte[]>> anchored =
                    probe.await(anchoredTopic, read + 1, Duration.ofSeconds(1), Duration.ZERO);
            read = anchored.size();
            for (ConsumerRecord<String, byte[]> record : anchored) {
                AuditAnchored anchor = codec.decode(record.value(), AuditAnchored.class);
                anchor.entries().stream()
                        .filter(entry -> ids.contains(entry.eventId()))
                        .forEach(entry -> byEvent.put(entry.eventId(), anchor));
            }
        }
        assertThat(byEvent.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        return byEvent.values().stream().distinct().toList();
    }

    private Map<String, AuditHistoryCheck.AnchoredRoot> rootsOnChain() throws IOException {
        EthFilter filter = new EthFilter(
                DefaultBlockParameterName.EARLIEST,
                DefaultBlockParameterName.LATEST,
                SharedChain.contracts().get(Domain.PATIENT));
        filter.addSingleTopic(EventEncoder.encode(RecordLedger.AUDITANCHORED_EVENT));
        EthLog response = web3j.ethGetLogs(filter).send();
        Map<String, AuditHistoryCheck.AnchoredRoot> roots = new HashMap<>();
        for (EthLog.LogResult<?> result : response.getLogs()) {
            Log log = (Log) result.get();
            RecordLedger.AuditAnchoredEventResponse anchored = RecordLedger.getAuditAnchoredEventFromLog(log);
            roots.put(
                    MerkleTree.hex(anchored.root),
                    new AuditHistoryCheck.AnchoredRoot(
                            anchored.leaves.intValueExact(), log.getAddress(), log.getTransactionHash()));
        }
        return roots;
    }

    private static AuditEvent event(String patient) {
        return new AuditEvent(
                UUID.randomUUID().toString(),
                "access",
                "decision",
                "R",
                Instant.now(),
                "0",
                "owner",
                List.of(new AuditEvent.Agent("dr-chen", "practitioner", true)),
                List.of(new AuditEvent.Entity(UUID.randomUUID().toString(), "record")),
                "TREAT",
                false,
                Domain.PATIENT,
                patient);
    }
}
