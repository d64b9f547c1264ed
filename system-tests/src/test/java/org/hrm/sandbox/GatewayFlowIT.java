package org.hrm.sandbox;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hrm.cli.AuditVerifier;
import org.hrm.cli.Endpoints;
import org.hrm.cli.ErasureCommands;
import org.hrm.cli.Json;
import org.hrm.client.sdk.ConsentSigner;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.audit.AccessHistoryExport;
import org.hrm.contracts.events.AuditEvent;
import org.hrm.contracts.events.ConsentGranted;
import org.hrm.contracts.events.ErasureReceipt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import tools.jackson.databind.node.ObjectNode;

/**
 * The gateway end to end over HTTP, on the embedded platform: a hospital system submits through the API and the
 * record is committed; the owner fetches it; a doctor is denied, granted, reads, is revoked and denied again; the
 * owner erases it, gets 410 and a receipt the vault signed.
 */
class GatewayFlowIT {
    static final Duration WAIT = GatewayParties.WAIT;
    static final EventCodec CODEC = GatewayParties.CODEC;

    static Platform platform;
    static GatewayParties parties;
    static GatewayClient gateway;
    static PartyKeys ALICE;
    static PartyKeys CHEN;
    static String aliceToken;
    static String chenToken;

    @BeforeAll
    static void startPlatformAndRegisterThroughTheGateway(@TempDir Path home) throws Exception {
        platform = Platform.start(Platform.Options.ephemeral(home), step -> {});
        parties = new GatewayParties(platform.gatewayUrl());
        parties.registerAll();
        gateway = parties.gateway;
        ALICE = parties.alice;
        CHEN = parties.chen;
        aliceToken = parties.aliceToken;
        chenToken = parties.chenToken;
    }

    @AfterAll
    static void stopPlatform() {
        platform.close();
    }

    @Test
    void submitFetchGrantRevokeAndEraseThroughTheGateway() throws Exception {
        byte[] plaintext = "{\"resourceType\":\"Observation\",\"valueString\":\"BP 128/82\"}".getBytes(UTF_8);
        String recordId = parties.submitCommitted(plaintext);

        assertThat(parties.read(recordId, ALICE, aliceToken)).isEqualTo(plaintext);
        assertThat(parties.fetch(recordId, chenToken).status()).isEqualTo(403);

        ConsentGranted grant = parties.grant(recordId);
        assertThat(gateway.post("/api/grants", aliceToken, CODEC.encode(grant)).status())
                .isEqualTo(202);
        assertThat(gateway.until(WAIT, a -> a.status() == 200, () -> parties.fetch(recordId, chenToken))
                        .status())
                .isEqualTo(200);
        assertThat(parties.read(recordId, CHEN, chenToken)).isEqualTo(plaintext);

        byte[] revocation =
                CODEC.encode(new ConsentSigner().revoke(ALICE, grant.grantId(), Domain.PATIENT, Instant.now()));
        assertThat(gateway.post("/api/grants/" + grant.grantId() + "/revocation", aliceToken, revocation)
                        .status())
                .isEqualTo(202);
        GatewayClient.Answer denied =
                gateway.until(WAIT, a -> a.status() == 403, () -> parties.fetch(recordId, chenToken));
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.json().get("detail").asString()).isNotBlank();

        ErasureReceipt receipt = parties.erase(recordId);
        assertThat(receipt.recordIds()).containsExactly(recordId);
        assertThat(ErasureCommands.verifies(platform.endpoints(), receipt)).isTrue();
        GatewayClient.Answer gone = parties.fetch(recordId, aliceToken);
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.json().get("detail").asString()).isEqualTo("record erased");
        assertThat(gateway.get("/api/records/" + recordId, aliceToken)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("erased");
        assertThat(gateway.get("/api/owners/patient-alice/access-history", aliceToken)
                        .text())
                .contains("dr-chen", "hospital-a", recordId);
    }

    @Test
    void theOwnersExportedHistoryChecksAgainstTheChainAndEveryChangedDroppedOrAddedEntryIsNamed() throws Exception {
        String recordId =
                parties.submitCommitted("{\"resourceType\":\"Observation\",\"valueString\":\"audit\"}".getBytes(UTF_8));
        parties.read(recordId, ALICE, aliceToken);
        parties.read(recordId, ALICE, aliceToken);

        GatewayClient.Answer exported = gateway.until(
                WAIT,
                answer -> answer.status() == 200 && anchoredOnly(answer),
                () -> gateway.get("/api/owners/patient-alice/access-history/export", aliceToken));
        AccessHistoryExport export = Json.read(exported.text(), AccessHistoryExport.class);
        assertThat(export.entries()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(export.unanchored()).isZero();
        Endpoints endpoints = platform.endpoints();
        Web3j web3j = Web3j.build(new HttpService(endpoints.chainRpc()));
        try {
            AuditVerifier verifier = new AuditVerifier(
                    web3j,
                    List.of(endpoints.patientContract(), endpoints.practitionerContract()),
                    AuditVerifier.producers(endpoints));
            assertThat(verifier.check(export)).containsEntry("intact", true).containsEntry("signaturesChecked", true);

            List<AccessHistoryExport.Entry> tampered = new ArrayList<>(export.entries());
            AccessHistoryExport.Entry changed = tampered.get(1);
            // As an editor of the exported file would: one field of one entry altered, one entry taken out, and a
            // copy of another under a new id put in.
            tampered.set(1, edited(changed, "outcomeDesc", "altered by an editor"));
            AccessHistoryExport.Entry dropped = tampered.remove(2);
            AccessHistoryExport.Entry copied = tampered.get(0);
            tampered.add(edited(copied, "id", UUID.randomUUID().toString()));
            Map<String, Object> report = verifier.check(
                    new AccessHistoryExport(export.patientId(), export.exportedAt(), tampered, export.unanchored()));

            assertThat(report).containsEntry("intact", false);
            assertThat(report.get("findings").toString())
                    .contains("kind=changed, sequence=" + changed.sequence())
                    .contains("kind=dropped, sequence=" + dropped.sequence())
                    .contains("kind=added, sequence=" + copied.sequence())
                    // the edit also breaks its producer's signature, which the auditor checks without the writer
                    .contains("kind=unsigned, sequence=" + changed.sequence());
        } finally {
            web3j.shutdown();
        }
    }

    private static AccessHistoryExport.Entry edited(AccessHistoryExport.Entry entry, String field, String value) {
        ObjectNode json = GatewayClient.JSON.valueToTree(entry.event());
        json.put(field, value);
        AuditEvent event = GatewayClient.JSON.treeToValue(json, AuditEvent.class);
        return new AccessHistoryExport.Entry(entry.source(), entry.sequence(), event, entry.proof());
    }

    private static boolean anchoredOnly(GatewayClient.Answer answer) {
        AccessHistoryExport export = Json.read(answer.text(), AccessHistoryExport.class);
        return export.unanchored() == 0 && export.entries().size() >= 4;
    }
}
