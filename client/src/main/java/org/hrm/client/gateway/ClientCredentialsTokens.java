package org.hrm.client.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import tools.jackson.databind.JsonNode;

/**
 * Tokens from the identity provider's OAuth 2.0 client-credentials grant (RFC 6749 section 4.4): how a hospital system
 * authenticates to the gateway in production, as its own confidential client (Keycloak: a client with service
 * accounts enabled, whose token carries the hospital's party id and the {@code system} role). The client secret is
 * read from a file (a mounted secret), sent only to the token endpoint, in HTTP Basic authentication; there is no
 * default secret, and a missing or empty file is refused at construction.
 */
public final class ClientCredentialsTokens implements AccessTokens {
    private final URI tokenEndpoint;
    private final String clientId;
    private final String clientSecret;
    private final GatewayHttp http;
    private final CachedToken cache;

    public ClientCredentialsTokens(URI tokenEndpoint, String clientId, Path clientSecretFile) {
        this(tokenEndpoint, clientId, readSecret(clientSecretFile), HttpClient.newHttpClient(), Clock.systemUTC());
    }

    ClientCredentialsTokens(URI tokenEndpoint, String clientId, String clientSecret, HttpClient http, Clock clock) {
        if (tokenEndpoint == null || clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("a token endpoint and a client id are required");
        }
        this.tokenEndpoint = tokenEndpoint;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.http = new GatewayHttp(http);
        this.cache = new CachedToken(() -> issue(clock), clock);
    }

    @Override
    public String current() {
        return cache.current();
    }

    private CachedToken.Issued issue(Clock clock) {
        String credentials = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        GatewayHttp.Answer answer = http.send(GatewayHttp.request(tokenEndpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
        if (answer.status() != 200) {
            // The error body of a token endpoint (RFC 6749 5.2) names the error, never the secret.
            throw new IllegalStateException("the token endpoint " + tokenEndpoint + " refused client " + clientId + " ("
                    + answer.status() + "): " + answer.problem());
        }
        JsonNode body = answer.json();
        if (!body.has("access_token")) {
            throw new IllegalStateException("the token endpoint " + tokenEndpoint + " answered no access_token");
        }
        Instant issuedAt = clock.instant();
        long lifetime = body.has("expires_in") ? body.get("expires_in").asLong() : 60;
        return new CachedToken.Issued(body.get("access_token").asString(), issuedAt.plusSeconds(lifetime));
    }

    private static String readSecret(Path file) {
        if (file == null) {
            throw new IllegalArgumentException("the client secret file is required (no default secret)");
        }
        try {
            String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (secret.isEmpty()) {
                throw new IllegalArgumentException("the client secret file " + file + " is empty");
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("the client secret file " + file + " is unreadable", e);
        }
    }
}
