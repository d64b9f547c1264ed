package org.hrm.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hrm.cli.AuditVerifier;
import org.hrm.cli.Endpoints;
import org.hrm.cli.HrmCli;
import org.hrm.cli.Json;
import org.hrm.cli.KafkaLogin;
import org.hrm.client.kafka.TopicReader;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.Topic;
import org.hrm.contracts.audit.AccessHistoryExport;
import org.hrm.contracts.audit.AccessHistoryExports;
import org.hrm.contracts.events.AuditAnchored;
import org.hrm.contracts.events.AuditEvent;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * The audit story: the patient's access history is anchored on chain, exported as the gateway exports it, and
 * checked against the chain by the code of {@code ./hrm verify-chain --audit}.
 */
final class AuditStory {
    private static final Duration ANCHOR_TIMEOUT = Duration.ofSeconds(60);

    private final Endpoints endpoints;
    private final Consumer<String> say;
    private final EventCodec codec = new EventCodec();

    AuditStory(Endpoints endpoints, Consumer<String> say) {
        this.endpoints = endpoints;
        this.say = say;
    }

    /** {@code auditAnchored}: every audit event on the patient is anchored; {@code auditVerified}: the export checks. */
    Map<String, Object> tell(String patientId) throws Exception {
        AccessHistoryExport export = awaitAnchored(patientId);
        boolean anchored = !export.entries().isEmpty() && export.unanchored() == 0;
        Path file = HrmCli.HOME.resolve("audit").resolve("access-history-" + patientId + ".json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, Json.write(export));
        say.accept(patientId + "'s access history: " + export.entries().size() + " entries anchored, "
                + export.unanchored() + " not yet; exported to " + file + " (./hrm verify-chain --audit " + file + ")");
        Web3j web3j = Web3j.build(new HttpService(endpoints.chainRpc()));
        try {
            Map<String, Object> report = new AuditVerifier(
                            web3j,
                            List.of(endpoints.patientContract(), endpoints.practitionerContract()),
                            AuditVerifier.producers(endpoints))
                    .check(export);
            say.accept("checked against the chain: " + Json.write(report));
            Map<String, Object> outcome = new LinkedHashMap<>();
            outcome.put("auditAnchored", anchored);
            outcome.put("auditVerified", anchored && Boolean.TRUE.equals(report.get("intact")));
            return outcome;
        } finally {
            web3j.shutdown();
        }
    }

    private AccessHistoryExport awaitAnchored(String patientId) throws InterruptedException {
        long deadline = System.nanoTime() + ANCHOR_TIMEOUT.toNanos();
        AccessHistoryExport export;
        do {
            export = export(patientId);
            if (!export.entries().isEmpty() && export.unanchored() == 0) {
                return export;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        return export;
    }

    private AccessHistoryExport export(String patientId) {
        List<AuditEvent> events = new ArrayList<>();
        List<AuditAnchored> anchors = new ArrayList<>();
        // As operators' tooling, which reads the audit topics (production's patients export through the gateway).
        KafkaLogin operator = endpoints.kafka(SandboxPrincipals.OPERATOR);
        TopicReader.readAll(
                operator.bootstrapServers(),
                operator.settings(),
                List.of(Topic.AUDIT.topicName(), Topic.GATEWAY_AUDIT.topicName(), Topic.AUDIT_ANCHORED.topicName()),
                record -> {
                    if (record.topic().equals(Topic.AUDIT_ANCHORED.topicName())) {
                        anchors.add(codec.decode(record.value(), AuditAnchored.class));
                    } else {
                        AuditEvent event = codec.decode(record.value(), AuditEvent.class);
                        if (patientId.equals(event.patientId())
                                && events.stream().noneMatch(e -> e.id().equals(event.id()))) {
                            events.add(event);
                        }
                    }
                });
        return AccessHistoryExports.of(patientId, events, anchors, Instant.now());
    }
}
