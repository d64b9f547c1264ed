package org.hrm.deploy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Stands in for the hospital's identity provider (Keycloak realm hrm): OIDC discovery and the realm's JWK set over
 * HTTP, and RS256 access tokens shaped as deploy/keycloak/hrm-realm.json's mappers make them (an opaque subject, the
 * party id in {@code party_id}, realm roles in {@code roles}, audience {@code hrm-gateway}).
 */
final class TestIssuer implements AutoCloseable {
    static final String REALM_PATH = "/realms/hrm";
    private static final String JWKS_PATH = REALM_PATH + "/protocol/openid-connect/certs";

    private final HttpServer server;
    private final RSAKey key;

    private TestIssuer(HttpServer server, RSAKey key) {
        this.server = server;
        this.key = key;
    }

    static TestIssuer start() throws IOException, JOSEException {
        RSAKey key =
                new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        TestIssuer issuer = new TestIssuer(server, key);
        String jwks = new JWKSet(key.toPublicJWK()).toString();
        server.createContext(REALM_PATH + "/.well-known/openid-configuration", exchange -> {
            String base = issuer.issuerUrl();
            respond(
                    exchange,
                    "{\"issuer\":\"" + base + "\",\"jwks_uri\":\"" + base
                            + "/protocol/openid-connect/certs\",\"authorization_endpoint\":\"" + base
                            + "/protocol/openid-connect/auth\",\"token_endpoint\":\"" + base
                            + "/protocol/openid-connect/token\",\"subject_types_supported\":[\"public\"],"
                            + "\"response_types_supported\":[\"code\"],\"id_token_signing_alg_values_supported\":[\"RS256\"]}");
        });
        server.createContext(JWKS_PATH, exchange -> respond(exchange, jwks));
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        return issuer;
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The realm's issuer URL, as tokens name it. */
    String issuerUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + REALM_PATH;
    }

    String jwkSetUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + JWKS_PATH;
    }

    /** An access token for {@code partyId} with one realm role, valid for ten minutes. */
    String token(String partyId, String role) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuerUrl())
                .subject(UUID.randomUUID().toString())
                .audience(List.of("hrm-gateway"))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)))
                .claim("party_id", partyId)
                .claim("roles", List.of(role))
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
