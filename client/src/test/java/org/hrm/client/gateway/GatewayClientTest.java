package org.hrm.client.gateway;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.client.sdk.RecordStage;
import org.hrm.client.sdk.ReleaseAnswer;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.events.Attestation;
import org.hrm.contracts.events.ErasureRequested;
import org.hrm.contracts.events.KeyShare;
import org.hrm.contracts.events.PartyKind;
import org.hrm.contracts.events.PartyRegistered;
import org.hrm.contracts.events.RecordReleased;
import org.hrm.crypto.P256KeyPair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The gateway client against a scripted gateway: what it asks, with which token, and how it reads each answer. */
class GatewayClientTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HttpServer server;
    private URI base;
    private final Deque<Reply> replies = new ArrayDeque<>();
    private final List<String> asked = new ArrayList<>();
    private final List<String> authorizations = new ArrayList<>();
    private final List<String> bodies = new ArrayList<>();

    record Reply(int status, Object body, String location) {}

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void asksForTheGranteesOfANewRecordWithTheCallersTokenAndReadsTheirIds() {
        replies.add(new Reply(
                200, List.of(Map.of("granteeId", "dr-lab", "publicKey", "AQ=="), Map.of("granteeId", "dr-all")), null));

        List<String> grantees = client().covering(Domain.PATIENT, "patient alice", "Observation");

        assertThat(grantees).containsExactly("dr-lab", "dr-all");
        assertThat(asked)
                .containsExactly("GET /api/owners/patient%20alice/grantees?domain=PATIENT&category=Observation");
        assertThat(authorizations).containsExactly("Bearer hospital-token");
    }

    @Test
    void aRefusalIsAnErrorNamingTheGatewaysReason() {
        replies.add(new Reply(403, Map.of("detail", "hospital-x is not a registered author"), null));

        assertThatThrownBy(() -> client().covering(Domain.PATIENT, "patient-alice", null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("403")
                .hasMessageContaining("hospital-x is not a registered author");
    }

    @Test
    void aRecordTheGatewayHasNotSeenIsSubmittedAndASeenOneHasItsStage() {
        replies.add(new Reply(404, Map.of("detail", "no record"), null));
        replies.add(new Reply(200, Map.of("recordId", "r", "status", "committed"), null));
        replies.add(new Reply(200, Map.of("recordId", "r", "status", "pending"), null));

        assertThat(client().stageOf("r")).isEqualTo(RecordStage.SUBMITTED);
        assertThat(client().stageOf("r")).isEqualTo(RecordStage.COMMITTED);
        assertThat(client().stageOf("r")).isEqualTo(RecordStage.SUBMITTED);
    }

    @Test
    void aFetchFollowsThePendingRequestUntilTheReleaseAndDecodesIt() {
        String recordId = UUID.randomUUID().toString();
        String requestId = UUID.randomUUID().toString();
        RecordReleased released = new RecordReleased(
                requestId,
                recordId,
                Domain.PATIENT,
                "hospital-a",
                new byte[RecordReleased.ENC_BYTES + 16 + 30],
                new KeyShare("hospital-a", new byte[] {3, 4}),
                Instant.parse("2026-12-05T10:00:00Z"));
        replies.add(new Reply(
                202, Map.of("requestId", requestId, "status", "pending"), "/api/access-requests/" + requestId));
        replies.add(new Reply(
                200,
                Map.of(
                        "requestId",
                        requestId,
                        "ownerId",
                        "patient-alice",
                        "released",
                        released,
                        "provenance",
                        Map.of(
                                "authorId", "hospital-a",
                                "authorSignature", Base64.getEncoder().encodeToString(new byte[] {9}),
                                "shares", List.of(Map.of("readerId", "patient-alice", "share", "Bwg=")))),
                null));

        ReleaseAnswer answer = client().fetch(recordId, "TREAT", null, Duration.ofSeconds(10));

        assertThat(answer.allowed()).isTrue();
        assertThat(answer.released().recordId()).isEqualTo(recordId);
        assertThat(answer.released().share().share()).containsExactly(3, 4);
        assertThat(answer.provenance().ownerId()).isEqualTo("patient-alice");
        assertThat(answer.provenance().shares())
                .singleElement()
                .satisfies(share -> assertThat(share.share()).containsExactly(7, 8));
        assertThat(asked)
                .containsExactly("POST /api/records/" + recordId + "/fetch", "GET /api/access-requests/" + requestId);
        assertThat(bodies.get(0)).isEqualTo("{\"purpose\":\"TREAT\"}");
    }

    /** A pending release is read again soon, then less and less often: 5, 10, 20 ... ms, never more than 300. */
    @Test
    void aPendingReleaseIsAskedAgainSoonThenBackingOffTo300Ms() {
        List<Long> waits = new ArrayList<>();
        Duration wait = GatewayClient.FIRST_ANSWER_POLL;
        for (int i = 0; i < 8; i++) {
            waits.add(wait.toMillis());
            wait = GatewayClient.nextAnswerPoll(wait);
        }

        assertThat(waits).containsExactly(5L, 10L, 20L, 40L, 80L, 160L, 300L, 300L);
    }

    @Test
    void anErasureRequestIsPostedAsTheOwnerSignedItAndARefusalNamesTheGatewaysReason() throws Exception {
        String requestId = UUID.randomUUID().toString();
        String recordId = UUID.randomUUID().toString();
        ErasureRequested signed = new ErasureRequested(
                        requestId,
                        Domain.PATIENT,
                        "patient-alice",
                        recordId,
                        Instant.parse("2026-12-05T10:00:00.123456Z"),
                        null,
                        null)
                .signedBy(org.hrm.client.sdk.PartyKeys.generate("patient-alice").keyPair());
        replies.add(new Reply(404, Map.of("detail", "no such record"), null));
        replies.add(
                new Reply(202, Map.of("requestId", requestId, "status", "requested"), "/api/erasures/" + requestId));
        replies.add(new Reply(400, Map.of("detail", "the owner signature does not verify"), null));

        client().requestErasure(signed, Duration.ofSeconds(10));

        assertThat(asked)
                .containsExactly("POST /api/owners/patient-alice/erasures", "POST /api/owners/patient-alice/erasures");
        var body = JSON.readTree(bodies.get(1));
        assertThat(body.get("domain").asString()).isEqualTo("PATIENT");
        assertThat(body.get("recordId").asString()).isEqualTo(recordId);
        assertThat(body.get("requestId").asString()).isEqualTo(requestId);
        assertThat(Instant.parse(body.get("requestedAt").asString())).isEqualTo(signed.requestedAt());
        assertThat(Base64.getDecoder().decode(body.get("ownerSignature").asString()))
                .isEqualTo(signed.ownerSignature());
        assertThatThrownBy(() -> client().requestErasure(signed, Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("400")
                .hasMessageContaining("the owner signature does not verify");
        assertThatThrownBy(() -> client().requestErasure(
                                new ErasureRequested(
                                        UUID.randomUUID().toString(),
                                        Domain.PATIENT,
                                        "patient-alice",
                                        null,
                                        Instant.now(),
                                        null,
                                        null),
                                Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not signed");
    }

    @Test
    void aDenialAndAnErasureAreAnswersNotErrors() {
        replies.add(new Reply(403, Map.of("detail", "no standing grant"), null));
        replies.add(new Reply(410, Map.of("detail", "record erased"), null));

        assertThat(client().fetch("r", "TREAT", null, Duration.ofSeconds(10)).deniedReason())
                .isEqualTo("no standing grant");
        assertThat(client().fetch("r", "TREAT", null, Duration.ofSeconds(10)).deniedReason())
                .isEqualTo(ReleaseAnswer.ERASED);
    }

    @Test
    void anAttestationIsAskedForTheCallersOwnStatementAndARefusalNamesTheGatewaysReason() {
        PartyKeys party = PartyKeys.generate("patient-new");
        PartyRegistered registration = new PartyRegistered(
                        "patient-new", PartyKind.PATIENT, party.publicKey(), null, Instant.now(), null, null, null)
                .provenBy(party);
        Attestation issued = Attestation.issue(
                P256KeyPair.generate(),
                "gateway-1",
                "patient-new",
                Attestation.REGISTER,
                registration.signedBytes(),
                registration.registeredAt());
        Base64.Encoder base64 = Base64.getEncoder();
        replies.add(new Reply(
                200,
                Map.of(
                        "attesterKeyId", issued.attesterKeyId(),
                        "subjectId", issued.subjectId(),
                        "purpose", issued.purpose(),
                        "boundDigest", base64.encodeToString(issued.boundDigest()),
                        "issuedAt", issued.issuedAt().toString(),
                        "signature", base64.encodeToString(issued.signature())),
                null));
        replies.add(new Reply(403, Map.of("detail", "the token names mallory, not patient-new"), null));

        Attestation attestation = client().attest(registration);

        assertThat(attestation.binds(registration.signedBytes())).isTrue();
        assertThat(attestation.signature()).isEqualTo(issued.signature());
        assertThat(asked).containsExactly("POST /api/attestations/register");
        assertThat(new EventCodec()
                        .decode(bodies.get(0).getBytes(UTF_8), PartyRegistered.class)
                        .signedBytes())
                .isEqualTo(registration.signedBytes());
        assertThatThrownBy(() -> client().attest(registration))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("403")
                .hasMessageContaining("the token names mallory, not patient-new");
    }

    @Test
    void aNewPartyLogsInAtTheDevLoginWithItsKindAKnownOneWithoutItAndAContradictingKindIsRefused() {
        String jwt = "h."
                + Base64.getUrlEncoder().withoutPadding().encodeToString("{\"exp\":4102444800}".getBytes(UTF_8)) + ".s";
        replies.add(new Reply(200, Map.of("access_token", jwt), null));
        replies.add(new Reply(200, Map.of("access_token", jwt), null));
        Clock clock = Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC);

        String fresh =
                new DevLoginTokens(base, "dr-new", PartyKind.PRACTITIONER, HttpClient.newHttpClient(), clock).current();
        String known = new DevLoginTokens(base, "dr-chen", null, HttpClient.newHttpClient(), clock).current();

        assertThat(fresh).isEqualTo(jwt);
        assertThat(known).isEqualTo(jwt);
        assertThat(asked).containsExactly("POST /dev/login", "POST /dev/login");
        assertThat(JSON.readValue(bodies.get(0), Map.class))
                .isEqualTo(Map.of("partyId", "dr-new", "kind", "practitioner"));
        assertThat(JSON.readValue(bodies.get(1), Map.class)).isEqualTo(Map.of("partyId", "dr-chen"));
        replies.add(new Reply(409, Map.of("detail", "dr-chen logs in as practitioner, not system"), null));
        assertThatThrownBy(
                        () -> new DevLoginTokens(base, "dr-chen", PartyKind.SYSTEM, HttpClient.newHttpClient(), clock)
                                .current())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dr-chen logs in as practitioner, not system");
    }

    @Test
    void clientCredentialsAreSentOnlyToTheTokenEndpointAndTheTokenIsKeptUntilItExpires(@TempDir Path dir)
            throws IOException {
        Path secret = Files.writeString(dir.resolve("secret"), "s3cret\n");
        replies.add(new Reply(200, Map.of("access_token", "t-1", "expires_in", 300), null));
        ClientCredentialsTokens tokens = new ClientCredentialsTokens(
                base.resolve("/realms/hrm/protocol/openid-connect/token"),
                "hrm-hospital-a",
                Files.readString(secret).strip(),
                HttpClient.newHttpClient(),
                Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC));

        assertThat(tokens.current()).isEqualTo("t-1");
        assertThat(tokens.current()).isEqualTo("t-1");
        assertThat(asked).containsExactly("POST /realms/hrm/protocol/openid-connect/token");
        assertThat(bodies).containsExactly("grant_type=client_credentials");
        assertThat(authorizations)
                .containsExactly(
                        "Basic " + Base64.getEncoder().encodeToString("hrm-hospital-a:s3cret".getBytes(UTF_8)));
    }

    @Test
    void thereIsNoDefaultClientSecret(@TempDir Path dir) throws IOException {
        Path empty = Files.writeString(dir.resolve("empty"), " \n");
        URI endpoint = URI.create("https://idp.example/token");

        assertThatThrownBy(() -> new ClientCredentialsTokens(endpoint, "hrm-hospital-a", empty))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> new ClientCredentialsTokens(endpoint, "hrm-hospital-a", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no default secret");
    }

    private GatewayClient client() {
        return new GatewayClient(base, () -> "hospital-token", HttpClient.newHttpClient());
    }

    private void answer(HttpExchange exchange) throws IOException {
        asked.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
        authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
        byte[] request = exchange.getRequestBody().readAllBytes();
        if (request.length > 0) {
            bodies.add(new String(request, UTF_8));
        }
        Reply reply = replies.poll();
        if (reply == null) {
            reply = new Reply(500, Map.of("detail", "unscripted call"), null);
        }
        byte[] body = JSON.writeValueAsBytes(reply.body());
        if (reply.location() != null) {
            exchange.getResponseHeaders().add("Location", reply.location());
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
