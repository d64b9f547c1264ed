package org.hrm.client.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import org.hrm.contracts.events.PartyKind;
import tools.jackson.databind.JsonNode;

/**
 * Tokens from the sandbox gateway's development issuer ({@code POST /dev/login}, profile {@code dev} only): a token
 * for one of its development users or a party it registered, no password; {@link #forNewParty} for a party about to
 * register, with the role of the kind it names. Only for the sandbox; a production gateway has no such endpoint. A
 * refused login (an unknown party, a kind that contradicts a known party's) is an {@link IllegalArgumentException}.
 */
public final class DevLoginTokens implements AccessTokens {
    private final URI login;
    private final String partyId;
    private final PartyKind kind;
    private final GatewayHttp http;
    private final CachedToken cache;

    public DevLoginTokens(URI gatewayUrl, String partyId) {
        this(gatewayUrl, partyId, null, HttpClient.newHttpClient(), Clock.systemUTC());
    }

    /**
     * Tokens for a party neither a development user nor registered yet (what {@code ./hrm register} asks the gateway's
     * attestation with), with the role of {@code kind}; the gateway refuses a kind that contradicts a known party's.
     */
    public static DevLoginTokens forNewParty(URI gatewayUrl, String partyId, PartyKind kind) {
        return new DevLoginTokens(gatewayUrl, partyId, kind, HttpClient.newHttpClient(), Clock.systemUTC());
    }

    DevLoginTokens(URI gatewayUrl, String partyId, PartyKind kind, HttpClient http, Clock clock) {
        this.login = GatewayClient.resolve(gatewayUrl, "/dev/login");
        this.partyId = partyId;
        this.kind = kind;
        this.http = new GatewayHttp(http);
        this.cache = new CachedToken(this::issue, clock);
    }

    @Override
    public String current() {
        return cache.current();
    }

    private CachedToken.Issued issue() {
        Map<String, String> who = kind == null
                ? Map.of("partyId", partyId)
                : Map.of("partyId", partyId, "kind", kind.name().toLowerCase(Locale.ROOT));
        GatewayHttp.Answer answer = http.send(GatewayHttp.request(login)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(GatewayHttp.JSON.writeValueAsBytes(who))));
        if (answer.status() != 200) {
            String refusal = "the sandbox gateway gives no token to " + partyId + " (" + answer.status() + "): "
                    + answer.problem() + "; it issues tokens only to its development users, the parties it registered"
                    + " and a new party that names its kind";
            // Who asked is wrong (unknown, or a kind that contradicts the party's): the caller's to fix, not a failure.
            throw answer.status() == 400 || answer.status() == 404 || answer.status() == 409
                    ? new IllegalArgumentException(refusal)
                    : new IllegalStateException(refusal);
        }
        String token = answer.json().get("access_token").asString();
        return new CachedToken.Issued(token, expiryOf(token));
    }

    /** The {@code exp} claim of a JWT, read without verifying it: only to know when to ask again. */
    static Instant expiryOf(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new IllegalStateException("the token is not a JWT");
        }
        JsonNode claims =
                GatewayHttp.JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        return claims.has("exp") ? Instant.ofEpochSecond(claims.get("exp").asLong()) : Instant.EPOCH;
    }
}
