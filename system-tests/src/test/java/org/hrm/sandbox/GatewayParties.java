package org.hrm.sandbox;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * A hospital system, a patient and a doctor using one gateway over HTTP (dev logins): registration, submission,
 * fetch, grant and erasure as the end-to-end tests drive them.
 */
final class GatewayParties {
    static final Duration WAIT = Duration.ofSeconds(60);
    static final EventCodec CODEC = new EventCodec();

    final PartyKeys hospital = PartyKeys.generate("hospital-a");
    final PartyKeys alice = PartyKeys.generate("patient-alice");
    final PartyKeys chen = PartyKeys.generate("dr-chen");
    private final Login login;
    GatewayClient gateway;
    String hospitalToken;
    String aliceToken;
    String chenToken;

    /** How a party gets its bearer token: the gateway's development login, or an identity provider's. */
    interface Login {
        String token(GatewayClient gateway, String partyId) throws Exception;
    }

    GatewayParties(String gatewayUrl) throws Exception {
        this(gatewayUrl, GatewayClient::login);
    }

    GatewayParties(String gatewayUrl, Login login) throws Exception {
        this.login = login;
        at(gatewayUrl);
    }

    /** Talks to the gateway at {@code gatewayUrl} from now on, logged in there (each replica has its own dev key). */
    GatewayParties at(String gatewayUrl) throws Exception {
        gateway = new GatewayClient(gatewayUrl);
        hospitalToken = login.token(gateway, hospital.partyId());
        aliceToken = login.token(gateway, alice.partyId());
        chenToken = login.token(gateway, chen.partyId());
        return this;
    }

    void registerAll() throws Exception {
        register(hospital, PartyKind.SYSTEM, hospitalToken);
        register(alice, PartyKind.PATIENT, aliceToken);
        register(chen, PartyKind.PRACTITIONER, chenToken);
    }

    void register(PartyKeys party, PartyKind kind, String token) throws Exception {
        String institution = kind == PartyKind.PRACTITIONER ? hospital.partyId() : null;
        PartyRegistered proven = new PartyRegistered(
                        party.partyId(), kind, party.publicKey(), institution, Instant.now(), null, null, null)
                .provenBy(party.keyPair());
        // The gateway attests; the registrant proves its key and a practitioner brings its hospital's vouching.
        byte[] body = CODEC.encode(institution == null ? proven : proven.vouchedBy(hospital.keyPair()));
        assertThat(gateway.post("/api/parties", token, body).status()).isEqualTo(202);
        assertThat(gateway.until(
                                WAIT,
                                a -> a.status() == 200,
                                () -> gateway.get("/api/parties/" + party.partyId(), token))
                        .status())
                .isEqualTo(200);
    }

    /** The hospital encrypts with the SDK and submits through the gateway; waits until the record is committed. */
    String submitCommitted(byte[] plaintext) throws Exception {
        String recordId = UUID.randomUUID().toString();
        EncryptedRecord record = new RecordEncryptor()
                .encrypt(
                        recordId,
                        Domain.PATIENT,
                        alice.partyId(),
                        hospital,
                        plaintext,
                        Map.of(alice.partyId(), alice.publicKey()));
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

    GatewayClient.Answer fetch(String recordId, String token) throws Exception {
        GatewayClient.Answer answer = gateway.post("/api/records/" + recordId + "/fetch", token, null);
        String location = answer.location();
        return answer.status() != 202
                ? answer
                : gateway.until(WAIT, a -> a.status() != 202, () -> gateway.get(location, token));
    }

    byte[] read(String recordId, PartyKeys reader, String token) throws Exception {
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

    ConsentGranted grant(String recordId) throws Exception {
        var ownerShare = GatewayClient.JSON.treeToValue(
                gateway.get("/api/records/" + recordId, aliceToken).json().get("ownerShare"),
                org.hrm.contracts.events.KeyShare.class);
        Instant now = Instant.now();
        return new ConsentSigner()
                .grant(
                        alice,
                        new ConsentSigner.GrantTerms(
                                UUID.randomUUID().toString(),
                                Domain.PATIENT,
                                chen.partyId(),
                                GrantScope.records(List.of(recordId)),
                                "TREAT",
                                now.minusSeconds(5),
                                now.plusSeconds(3600)),
                        chen.publicKey(),
                        List.of(new ConsentSigner.CoveredRecord(recordId, ownerShare)),
                        now);
    }

    /** The owner grants the doctor the record through the gateway; waits until the doctor's fetch is allowed. */
    ConsentGranted grantAndAwaitFetch(String recordId) throws Exception {
        ConsentGranted grant = grant(recordId);
        assertThat(gateway.post("/api/grants", aliceToken, CODEC.encode(grant)).status())
                .isEqualTo(202);
        assertThat(gateway.until(WAIT, a -> a.status() == 200, () -> fetch(recordId, chenToken))
                        .status())
                .isEqualTo(200);
        return grant;
    }

    ErasureReceipt erase(String recordId) throws Exception {
        byte[] body = ("{\"domain\":\"PATIENT\",\"recordId\":\"" + recordId + "\"}").getBytes(UTF_8);
        GatewayClient.Answer accepted = gateway.post("/api/owners/patient-alice/erasures", aliceToken, body);
        assertThat(accepted.status()).isEqualTo(202);
        GatewayClient.Answer receipt = gateway.until(
                WAIT, a -> a.status() == 200, () -> gateway.get(accepted.location() + "/receipt", aliceToken));
        assertThat(receipt.status()).as(receipt.text()).isEqualTo(200);
        return CODEC.decode(receipt.body(), ErasureReceipt.class);
    }
}
