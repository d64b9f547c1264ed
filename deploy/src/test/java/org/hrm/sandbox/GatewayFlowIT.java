package org.hrm.sandbox;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hrm.client.sdk.ConsentSigner;
import org.hrm.client.sdk.EncryptedRecord;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.client.sdk.RecordDecryptor;
import org.hrm.client.sdk.RecordEncryptor;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.events.ConsentGranted;
import org.hrm.contracts.events.ErasureReceipt;
import org.hrm.contracts.events.GrantScope;
import org.hrm.contracts.events.PartyKind;
import org.hrm.contracts.events.PartyRegistered;
import org.hrm.contracts.events.RecordReleased;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway end to end over HTTP, on the embedded platform: a hospital system submits through the API and the
 * record is committed; the owner fetches it; a doctor is denied, granted, reads, is revoked and denied again; the
 * owner erases it, gets 410 and a receipt the vault signed.
 */
class GatewayFlowIT {
    static final Duration WAIT = Duration.ofSeconds(60);
    static final EventCodec CODEC = new EventCodec();

    static Platform platform;
    static GatewayClient gateway;
    static final PartyKeys HOSPITAL = PartyKeys.generate("hospital-a");
    static final PartyKeys ALICE = PartyKeys.generate("patient-alice");
    static final PartyKeys CHEN = PartyKeys.generate("dr-chen");
    static String hospitalToken;
    static String aliceToken;
    static String chenToken;

    @BeforeAll
    static void startPlatformAndRegisterThroughTheGateway(@TempDir Path home) throws Exception {
        platform = Platform.start(Platform.Options.ephemeral(home), step -> {});
        gateway = new GatewayClient(platform.gatewayUrl());
        hospitalToken = gateway.login(HOSPITAL.partyId());
        aliceToken = gateway.login(ALICE.partyId());
        chenToken = gateway.login(CHEN.partyId());
        register(HOSPITAL, PartyKind.SYSTEM, hospitalToken);
        register(ALICE, PartyKind.PATIENT, aliceToken);
        register(CHEN, PartyKind.PRACTITIONER, chenToken);
    }

    @AfterAll
    static void stopPlatform() {
        platform.close();
    }

    @Test
    void submitFetchGrantRevokeAndEraseThroughTheGateway() throws Exception {
        byte[] plaintext = "{\"resourceType\":\"Observation\",\"valueString\":\"BP 128/82\"}".getBytes(UTF_8);
        String recordId = submitCommitted(plaintext);

        assertThat(read(recordId, ALICE, aliceToken)).isEqualTo(plaintext);
        assertThat(fetch(recordId, chenToken).status()).isEqualTo(403);

        ConsentGranted grant = grant(recordId);
        assertThat(gateway.post("/api/grants", aliceToken, CODEC.encode(grant)).status())
                .isEqualTo(202);
        assertThat(gateway.until(WAIT, a -> a.status() == 200, () -> fetch(recordId, chenToken))
                        .status())
                .isEqualTo(200);
        assertThat(read(recordId, CHEN, chenToken)).isEqualTo(plaintext);

        byte[] revocation =
                CODEC.encode(new ConsentSigner().revoke(ALICE, grant.grantId(), Domain.PATIENT, Instant.now()));
        assertThat(gateway.post("/api/grants/" + grant.grantId() + "/revocation", aliceToken, revocation)
                        .status())
                .isEqualTo(202);
        GatewayClient.Answer denied = gateway.until(WAIT, a -> a.status() == 403, () -> fetch(recordId, chenToken));
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.json().get("detail").asString()).isNotBlank();

        ErasureReceipt receipt = erase(recordId);
        assertThat(receipt.recordIds()).containsExactly(recordId);
        assertThat(ErasureCommands.verifies(platform.endpoints(), receipt)).isTrue();
        GatewayClient.Answer gone = fetch(recordId, aliceToken);
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

    static void register(PartyKeys party, PartyKind kind, String token) throws Exception {
        String institution = kind == PartyKind.PRACTITIONER ? HOSPITAL.partyId() : null;
        PartyRegistered proven = new PartyRegistered(
                        party.partyId(), kind, party.publicKey(), institution, Instant.now(), null, null, null)
                .provenBy(party.keyPair());
        // The gateway attests; the registrant proves its key and a practitioner brings its hospital's vouching.
        byte[] body = CODEC.encode(institution == null ? proven : proven.vouchedBy(HOSPITAL.keyPair()));
        assertThat(gateway.post("/api/parties", token, body).status()).isEqualTo(202);
        assertThat(gateway.until(
                                WAIT,
                                a -> a.status() == 200,
                                () -> gateway.get("/api/parties/" + party.partyId(), token))
                        .status())
                .isEqualTo(200);
    }

    /** The hospital encrypts with the SDK and submits through the gateway; waits until the record is committed. */
    static String submitCommitted(byte[] plaintext) throws Exception {
        String recordId = UUID.randomUUID().toString();
        EncryptedRecord record = new RecordEncryptor()
                .encrypt(
                        recordId,
                        Domain.PATIENT,
                        ALICE.partyId(),
                        HOSPITAL,
                        plaintext,
                        Map.of(ALICE.partyId(), ALICE.publicKey()));
        GatewayClient.Answer accepted = gateway.post(
                "/api/records", hospitalToken, CODEC.encode(record.toSubmitted(Instant.now(), "Observation")));
        assertThat(accepted.status()).isEqualTo(202);
        GatewayClient.Answer committed = gateway.until(
                Duration.ofSeconds(90),
                a -> a.json().get("status").asString().equals("committed"),
                () -> gateway.get(accepted.location(), aliceToken));
        assertThat(committed.json().get("status").asString()).isEqualTo("committed");
        assertThat(committed.json().get("transactionHash").asString()).startsWith("0x");
        return recordId;
    }

    static GatewayClient.Answer fetch(String recordId, String token) throws Exception {
        GatewayClient.Answer answer = gateway.post("/api/records/" + recordId + "/fetch", token, null);
        String location = answer.location();
        return answer.status() != 202
                ? answer
                : gateway.until(WAIT, a -> a.status() != 202, () -> gateway.get(location, token));
    }

    static byte[] read(String recordId, PartyKeys reader, String token) throws Exception {
        GatewayClient.Answer answer = fetch(recordId, token);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        RecordReleased released =
                CODEC.decode(GatewayClient.JSON.writeValueAsBytes(answer.json().get("released")), RecordReleased.class);
        RecordDecryptor decryptor = new RecordDecryptor();
        return decryptor.decrypt(
                released.recordId(),
                released.domain(),
                answer.json().get("ownerId").asString(),
                decryptor.openReleased(released, reader),
                released.share(),
                reader);
    }

    static ConsentGranted grant(String recordId) throws Exception {
        var ownerShare = GatewayClient.JSON.treeToValue(
                gateway.get("/api/records/" + recordId, aliceToken).json().get("ownerShare"),
                org.hrm.contracts.events.KeyShare.class);
        Instant now = Instant.now();
        return new ConsentSigner()
                .grant(
                        ALICE,
                        new ConsentSigner.GrantTerms(
                                UUID.randomUUID().toString(),
                                Domain.PATIENT,
                                CHEN.partyId(),
                                GrantScope.records(List.of(recordId)),
                                "TREAT",
                                now.minusSeconds(5),
                                now.plusSeconds(3600)),
                        CHEN.publicKey(),
                        List.of(new ConsentSigner.CoveredRecord(recordId, ownerShare)),
                        now);
    }

    static ErasureReceipt erase(String recordId) throws Exception {
        byte[] body = ("{\"domain\":\"PATIENT\",\"recordId\":\"" + recordId + "\"}").getBytes(UTF_8);
        GatewayClient.Answer accepted = gateway.post("/api/owners/patient-alice/erasures", aliceToken, body);
        assertThat(accepted.status()).isEqualTo(202);
        GatewayClient.Answer receipt = gateway.until(
                WAIT, a -> a.status() == 200, () -> gateway.get(accepted.location() + "/receipt", aliceToken));
        assertThat(receipt.status()).as(receipt.text()).isEqualTo(200);
        return CODEC.decode(receipt.body(), ErasureReceipt.class);
    }
}
