package org.hrm.client.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Tokens from the sandbox gateway's development issuer ({@code POST /dev/login}, profile {@code dev} only): a token
 * for one of its development users, no password. Only for the sandbox; a production gateway has no such endpoint, and
 * a party that is not a development user gets none.
 */
public final class DevLoginTokens implements AccessTokens {
    private final URI login;
    private final String partyId;
    private final GatewayHttp http;
    private final CachedToken cache;

    public DevLoginTokens(URI gatewayUrl, String partyId) {
        this(gatewayUrl, partyId, HttpClient.newHttpClient(), Clock.systemUTC());
    }

    DevLoginTokens(URI gatewayUrl, String partyId, HttpClient http, Clock clock) {
        this.login = GatewayClient.resolve(gatewayUrl, "/dev/login");
        this.partyId = partyId;
        this.http = new GatewayHttp(http);
        this.cache = new CachedToken(this::issue, clock);
    }

    @Override
    public String current() {
        return cache.current();
    }

    private CachedToken.Issued issue() {
        GatewayHttp.Answer answer = http.send(GatewayHttp.request(login)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(
                        GatewayHttp.JSON.writeValueAsBytes(Map.of("partyId", partyId)))));
        if (answer.status() != 200) {
            throw new IllegalStateException("the sandbox gateway gives no token to " + partyId + " (" + answer.status()
                    + "): " + answer.problem() + "; it issues tokens only to its development users");
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
