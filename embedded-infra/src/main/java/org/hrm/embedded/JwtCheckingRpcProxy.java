package org.hrm.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.hrm.crypto.P256;

/**
 * A JSON-RPC proxy in front of a node without authentication (Anvil) that checks bearer tokens the way a Besu RPC node
 * started with {@code --rpc-http-authentication-jwt-public-key-file} and {@code --rpc-http-authentication-jwt-algorithm
 * =ES256} does: an ES256 signature under the PEM public key Besu would be given, an {@code exp} claim not past, and for
 * every method of the request (a batch's too) a {@code permissions} entry {@code *:*}, {@code <api>:*} or
 * {@code <api>:<method>}. Anything else is answered 401 and never reaches the node (Besu answers a missing permission
 * with a JSON-RPC error instead; here it is 401 too). Verification uses the JDK's SunEC, not the project's crypto
 * module, so a test through it checks the services' tokens with a second implementation.
 */
public final class JwtCheckingRpcProxy implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PublicKey publicKey;
    private final URI upstream;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    private final HttpClient client = HttpClient.newHttpClient();
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<String> refusals = new java.util.concurrent.CopyOnWriteArrayList<>();

    private JwtCheckingRpcProxy(String upstreamUrl, PublicKey publicKey) throws IOException {
        this.publicKey = publicKey;
        this.upstream = URI.create(upstreamUrl);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** A proxy on a free loopback port, forwarding accepted requests to {@code upstreamUrl}. */
    public static JwtCheckingRpcProxy start(String upstreamUrl, Path publicKeyPem) {
        try {
            return new JwtCheckingRpcProxy(upstreamUrl, readPublicKey(Files.readString(publicKeyPem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Requests forwarded to the node. */
    public int accepted() {
        return accepted.get();
    }

    /** Why each refused request was refused, in order. */
    public List<String> refusals() {
        return List.copyOf(refusals);
    }

    /** The PEM (SubjectPublicKeyInfo) of a 65-byte uncompressed P-256 point, as openssl writes it for Besu. */
    public static String publicKeyPem(byte[] point) {
        return P256.publicKeyPem(point);
    }

    /** The EC public key of a PEM SubjectPublicKeyInfo. */
    public static PublicKey readPublicKey(String pem) {
        return P256.javaPublicKey(P256.fromPublicKeyPem(pem));
    }

    /** Why Besu would refuse a request calling {@code methods} with this Authorization header; empty if it would not. */
    public static Optional<String> refusal(String authorization, List<String> methods, PublicKey key, Instant now) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return Optional.of("no bearer token");
        }
        String[] parts = authorization.substring("Bearer ".length()).split("\\.", -1);
        if (parts.length != 3) {
            return Optional.of("not a JWS");
        }
        try {
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            if (!"ES256".equals(header.path("alg").asText())) {
                return Optional.of("alg is not ES256");
            }
            Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            verifier.initVerify(key);
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return Optional.of("bad signature");
            }
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            if (!claims.path("exp").isIntegralNumber()) {
                return Optional.of("no exp");
            }
            if (claims.path("exp").asLong() <= now.getEpochSecond()) {
                return Optional.of("expired");
            }
            List<String> permissions = new ArrayList<>();
            claims.path("permissions").forEach(each -> permissions.add(each.asText()));
            for (String method : methods) {
                String api = method.substring(0, Math.max(0, method.indexOf('_')));
                if (!permissions.contains("*:*")
                        && !permissions.contains(api + ":*")
                        && !permissions.contains(method.replaceFirst("_", ":"))) {
                    return Optional.of("no permission for " + method);
                }
            }
            return Optional.empty();
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            return Optional.of("malformed token: " + e.getClass().getSimpleName());
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Optional<String> refused = refusal(
                    exchange.getRequestHeaders().getFirst("Authorization"), methods(body), publicKey, Instant.now());
            if (refused.isPresent()) {
                refusals.add(refused.get());
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            accepted.incrementAndGet();
            HttpResponse<byte[]> response = client.send(
                    HttpRequest.newBuilder(upstream)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(response.statusCode(), response.body().length);
            exchange.getResponseBody().write(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> methods(byte[] body) {
        List<String> methods = new ArrayList<>();
        try {
            JsonNode request = JSON.readTree(body);
            if (request.isArray()) {
                request.forEach(each -> methods.add(each.path("method").asText()));
            } else {
                methods.add(request.path("method").asText());
            }
        } catch (IOException e) {
            methods.add("");
        }
        return methods;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
