package org.hrm.client.gateway;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hrm.client.sdk.RecordStage;
import org.hrm.client.sdk.RecordStages;
import org.hrm.client.sdk.ReleaseAnswer;
import org.hrm.client.sdk.ReleaseRequests;
import org.hrm.client.sdk.StandingGrantees;
import org.hrm.client.sdk.SubmittedProvenance;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.events.Attestation;
import org.hrm.contracts.events.ErasureRequested;
import org.hrm.contracts.events.KeyShare;
import org.hrm.contracts.events.PartyKeyRotated;
import org.hrm.contracts.events.PartyRegistered;
import org.hrm.contracts.events.RecordReleased;
import tools.jackson.databind.JsonNode;

/**
 * A hospital system's (or any party's) client of the gateway API, for what its Kafka principal may not read: an
 * owner's grantees to wrap a new record to, its records' stages, releases of records it asks for, and what is shared
 * with it, and the attestation of its own registration or lost-key rotation. Every call carries the party's own bearer
 * token ({@link AccessTokens}), and the gateway checks every answer against it. Records, registrations and grants are
 * still published over Kafka, signed by the party.
 *
 * <p>Nothing the gateway answers is trusted for more than the gateway is trusted with: grantee keys are taken from the
 * caller's own party directory ({@link StandingGrantees}), and a release shows a record only after its provenance
 * verifies against the author's keys ({@link ReleaseAnswer}).
 */
public final class GatewayClient implements StandingGrantees, RecordStages, ReleaseRequests {
    /** Large enough for a release of the largest record the platform carries (2 MiB messages), base64 and all. */
    private static final int MAX_ANSWER_BYTES = 4 * 1024 * 1024;

    private static final Duration POLL = Duration.ofMillis(300);
    /**
     * The first wait for a release that is not in yet; each further one doubles, up to {@link #POLL}. The fetch path
     * answers in milliseconds when it is not loaded, so a fixed 300 ms poll added up to that to every fetch; reading a
     * request's answer is not rate-limited.
     */
    static final Duration FIRST_ANSWER_POLL = Duration.ofMillis(5);

    private final URI baseUrl;
    private final AccessTokens tokens;
    private final GatewayHttp http;
    private final EventCodec codec = new EventCodec(MAX_ANSWER_BYTES);

    public GatewayClient(URI baseUrl, AccessTokens tokens) {
        this(baseUrl, tokens, HttpClient.newHttpClient());
    }

    GatewayClient(URI baseUrl, AccessTokens tokens, HttpClient http) {
        this.baseUrl = baseUrl;
        this.tokens = tokens;
        this.http = new GatewayHttp(http);
    }

    /** A record the caller may read because its owner granted it: what {@code GET /api/shared-with-me} lists. */
    public record SharedRecord(
            String recordId, Domain domain, String ownerId, String authorId, String category, RecordStage stage) {}

    /** {@code GET /api/owners/{ownerId}/grantees}: for an author (a registered system or practitioner) or the owner. */
    @Override
    public List<String> covering(Domain domain, String ownerId, String category) {
        String query = "?domain=" + domain.name() + (category == null ? "" : "&category=" + encode(category));
        GatewayHttp.Answer answer = get("/api/owners/" + encode(ownerId) + "/grantees" + query);
        require(answer, 200, "the grantees of " + ownerId);
        List<String> grantees = new ArrayList<>();
        answer.json().forEach(grantee -> grantees.add(grantee.get("granteeId").asString()));
        return List.copyOf(grantees);
    }

    /** {@code GET /api/records/{recordId}}: for the record's author and owner; submitted while the gateway has not seen it. */
    @Override
    public RecordStage stageOf(String recordId) {
        GatewayHttp.Answer answer = get("/api/records/" + encode(recordId));
        if (answer.status() == 404) {
            return RecordStage.SUBMITTED;
        }
        require(answer, 200, "the stage of record " + recordId);
        return stage(answer.json().get("status").asString());
    }

    /**
     * {@code POST /api/records/{recordId}/fetch}, then {@code GET /api/access-requests/{requestId}} until the vault's
     * answer is in, first after {@link #FIRST_ANSWER_POLL}, then twice as long each time up to 300 ms. A record the
     * gateway has not seen yet (404) or a rate limit (429) is asked again every 300 ms until the timeout.
     */
    @Override
    public ReleaseAnswer fetch(String recordId, String purpose, String emergencyReason, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, String> body = new HashMap<>();
        body.put("purpose", purpose);
        if (emergencyReason != null) {
            body.put("emergencyReason", emergencyReason);
        }
        byte[] json = GatewayHttp.JSON.writeValueAsBytes(body);
        String path = "/api/records/" + encode(recordId) + "/fetch";
        GatewayHttp.Answer answer = post(path, json);
        Duration answerPoll = FIRST_ANSWER_POLL;
        while (System.nanoTime() < deadline) {
            switch (answer.status()) {
                case 200 -> {
                    return released(answer.json());
                }
                case 403 -> {
                    return ReleaseAnswer.denied(answer.problem());
                }
                case 410 -> {
                    return ReleaseAnswer.denied(ReleaseAnswer.ERASED);
                }
                case 202 -> {
                    pause(answerPoll);
                    answerPoll = nextAnswerPoll(answerPoll);
                    answer = get(answer.location());
                }
                case 404, 429 -> {
                    pause();
                    answer = post(path, json);
                }
                default -> throw refused(answer, "a release of record " + recordId);
            }
        }
        throw new IllegalStateException("no answer to the request for record " + recordId + " within " + timeout);
    }

    /**
     * {@code POST /api/owners/{ownerId}/erasures} with the owner's own signed request: the gateway checks the signature
     * under the owner's current key and hands the request to the vault unchanged (only the gateway writes
     * erasure-requested; no hospital principal may). A record the gateway has not seen yet (404) or a rate limit (429)
     * is asked again until the timeout. The outcome (receipt or refusal) is the vault's: {@code GET
     * /api/erasures/{requestId}}.
     *
     * @throws IllegalArgumentException with the gateway's reason if it refuses the request (400, 403, 409)
     */
    public void requestErasure(ErasureRequested signed, Duration timeout) {
        if (signed.ownerSignature() == null) {
            throw new IllegalArgumentException("the erasure request is not signed by its owner");
        }
        Map<String, String> body = new HashMap<>();
        body.put("domain", signed.domain().name());
        if (signed.recordId() != null) {
            body.put("recordId", signed.recordId());
        }
        body.put("requestId", signed.requestId());
        body.put("requestedAt", signed.requestedAt().toString());
        body.put("ownerSignature", Base64.getEncoder().encodeToString(signed.ownerSignature()));
        byte[] json = GatewayHttp.JSON.writeValueAsBytes(body);
        String path = "/api/owners/" + encode(signed.ownerId()) + "/erasures";
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            GatewayHttp.Answer answer = post(path, json);
            switch (answer.status()) {
                case 202 -> {
                    return;
                }
                case 400, 403, 409 ->
                    throw new IllegalArgumentException("the gateway refused erasure request " + signed.requestId()
                            + " (" + answer.status() + "): " + answer.problem());
                case 404, 429 -> {
                    if (System.nanoTime() >= deadline) {
                        throw refused(answer, "erasure request " + signed.requestId() + " within " + timeout);
                    }
                    pause();
                }
                default -> throw refused(answer, "erasure request " + signed.requestId());
            }
        }
    }

    /**
     * {@code POST /api/attestations/register}: the gateway's attestation of the caller's own registration, for a
     * client that publishes it itself; the registration must be proven by its key (and a practitioner's vouched for by
     * its institution) before it is asked, since the attestation covers its signed bytes.
     *
     * @throws IllegalArgumentException with the gateway's reason if it refuses (another party's, an unproven key, a
     *     role that is not the registered kind)
     */
    public Attestation attest(PartyRegistered registration) {
        return attest(
                Attestation.REGISTER, codec.encode(registration), "the registration of " + registration.partyId());
    }

    /** {@code POST /api/attestations/rotate-key}: for a rotation of the caller's lost key, proven by the new key. */
    public Attestation attest(PartyKeyRotated rotation) {
        return attest(Attestation.ROTATE_KEY, codec.encode(rotation), "the key rotation of " + rotation.partyId());
    }

    /** {@code POST /api/attestations/erasure}: for an erasure request of an identity-verified owner. */
    public Attestation attest(ErasureRequested erasure) {
        return attest(Attestation.ERASURE, codec.encode(erasure), "erasure request " + erasure.requestId());
    }

    private Attestation attest(String purpose, byte[] statement, String what) {
        GatewayHttp.Answer answer = post("/api/attestations/" + purpose, statement);
        return switch (answer.status()) {
            case 200 -> codec.decode(answer.body(), Attestation.class);
            case 400, 403, 409 ->
                throw new IllegalArgumentException(
                        "the gateway refused to attest " + what + " (" + answer.status() + "): " + answer.problem());
            default -> throw refused(answer, "an attestation of " + what);
        };
    }

    /** {@code GET /api/shared-with-me}: records others granted to the caller, not erased. */
    public List<SharedRecord> sharedWithMe() {
        GatewayHttp.Answer answer = get("/api/shared-with-me");
        require(answer, 200, "the records shared with the caller");
        List<SharedRecord> shared = new ArrayList<>();
        for (JsonNode record : answer.json()) {
            shared.add(new SharedRecord(
                    record.get("recordId").asString(),
                    Domain.valueOf(record.get("domain").asString()),
                    record.get("ownerId").asString(),
                    text(record, "authorId"),
                    text(record, "category"),
                    stage(record.get("status").asString())));
        }
        return List.copyOf(shared);
    }

    private ReleaseAnswer released(JsonNode body) {
        RecordReleased released =
                codec.decode(GatewayHttp.JSON.writeValueAsBytes(body.get("released")), RecordReleased.class);
        JsonNode provenance = body.get("provenance");
        if (provenance == null || provenance.isNull() || released.carriesProvenance()) {
            return new ReleaseAnswer(released, null, null);
        }
        List<KeyShare> shares = new ArrayList<>();
        for (JsonNode share : provenance.get("shares")) {
            shares.add(new KeyShare(
                    share.get("readerId").asString(), share.get("share").binaryValue()));
        }
        return new ReleaseAnswer(
                released,
                null,
                new SubmittedProvenance(
                        body.get("ownerId").asString(),
                        provenance.get("authorId").asString(),
                        provenance.get("authorSignature").binaryValue(),
                        shares));
    }

    private static RecordStage stage(String status) {
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "sealed" -> RecordStage.SEALED;
            case "committed" -> RecordStage.COMMITTED;
            case "erased" -> RecordStage.ERASED;
            default -> RecordStage.SUBMITTED;
        };
    }

    private GatewayHttp.Answer get(String path) {
        return http.send(authorized(path).GET());
    }

    private GatewayHttp.Answer post(String path, byte[] json) {
        return http.send(authorized(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)));
    }

    private HttpRequest.Builder authorized(String path) {
        return GatewayHttp.request(resolve(baseUrl, path)).header("Authorization", "Bearer " + tokens.current());
    }

    static URI resolve(URI base, String path) {
        String root = base.toString().endsWith("/")
                ? base.toString().substring(0, base.toString().length() - 1)
                : base.toString();
        return URI.create(root + path);
    }

    private static void require(GatewayHttp.Answer answer, int status, String what) {
        if (answer.status() != status) {
            throw refused(answer, what);
        }
    }

    private static IllegalStateException refused(GatewayHttp.Answer answer, String what) {
        return new IllegalStateException(
                "the gateway did not give " + what + " (" + answer.status() + "): " + answer.problem());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The wait after {@code poll} for a release not in yet: twice as long, at most 300 ms. */
    static Duration nextAnswerPoll(Duration poll) {
        Duration twice = poll.multipliedBy(2);
        return twice.compareTo(POLL) < 0 ? twice : POLL;
    }

    private static void pause() {
        pause(POLL);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the gateway", e);
        }
    }
}
