package org.hrm.deploy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OCI distribution registry on 127.0.0.1 as Docker Hub and quay.io behave for an anonymous pull: a manifest HEAD
 * without a token gets 401 with a Bearer challenge, the challenge's realm issues a token for the scope, and with that
 * token the HEAD gets the tag's digest. The digest of the multi-platform index only for a client that accepts an
 * index or a manifest list; any other gets a single platform's manifest digest, as a real registry would.
 */
final class StubRegistry implements AutoCloseable {
    static final String SERVICE = "stub-registry";
    private static final Pattern MANIFEST = Pattern.compile("/v2/(.+)/manifests/([^/]+)");
    private static final List<String> INDEX_TYPES = List.of(
            "application/vnd.oci.image.index.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServer server;
    private final Map<String, String> indexDigests = new LinkedHashMap<>();
    private final Map<String, String> platformDigests = new LinkedHashMap<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private volatile boolean sendDigest = true;

    /** @param repositories "path:tag" entries, e.g. "library/mongo:8.0", each given a fresh random digest */
    StubRegistry(List<String> repositories) throws IOException {
        repositories.forEach(repository -> {
            indexDigests.put(repository, randomDigest());
            platformDigests.put(repository, randomDigest());
        });
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/token", this::token);
        server.createContext("/v2/", this::manifest);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The digest the registry gives a client that accepts an index, for "path:tag". */
    String digest(String repository) {
        return indexDigests.get(repository);
    }

    /** A registry that answers 200 but omits Docker-Content-Digest. */
    void withoutDigestHeader() {
        sendDigest = false;
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String scope = query.getOrDefault("scope", "");
        if (!SERVICE.equals(query.get("service")) || !scope.matches("repository:[^:]+:pull")) {
            send(exchange, 400, Map.of(), "{\"errors\":[{\"code\":\"DENIED\"}]}");
            return;
        }
        String token = UUID.randomUUID().toString();
        tokens.put(token, scope);
        send(exchange, 200, Map.of("Content-Type", "application/json"), "{\"token\":\"" + token + "\"}");
    }

    private void manifest(HttpExchange exchange) throws IOException {
        Matcher manifest = MANIFEST.matcher(exchange.getRequestURI().getPath());
        if (!manifest.matches() || !exchange.getRequestMethod().equals("HEAD")) {
            send(exchange, 404, Map.of(), "");
            return;
        }
        String scope = "repository:" + manifest.group(1) + ":pull";
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null
                || !authorization.startsWith("Bearer ")
                || !scope.equals(tokens.get(authorization.substring("Bearer ".length())))) {
            String realm = baseUrl() + "/token";
            send(
                    exchange,
                    401,
                    Map.of(
                            "WWW-Authenticate",
                            "Bearer realm=\"" + realm + "\",service=\"" + SERVICE + "\",scope=\"" + scope + "\""),
                    "");
            return;
        }
        String repository = manifest.group(1) + ":" + manifest.group(2);
        if (!indexDigests.containsKey(repository)) {
            send(exchange, 404, Map.of(), "");
            return;
        }
        String accept = String.join(",", exchange.getRequestHeaders().getOrDefault("Accept", List.of()));
        boolean acceptsIndex = INDEX_TYPES.stream().allMatch(accept::contains);
        String digest = acceptsIndex ? indexDigests.get(repository) : platformDigests.get(repository);
        send(exchange, 200, sendDigest ? Map.of("Docker-Content-Digest", digest) : Map.of(), "");
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        boolean empty = bytes.length == 0 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, empty ? -1 : bytes.length);
        if (!empty) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    query.put(
                            URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    private static String randomDigest() {
        byte[] content = new byte[64];
        RANDOM.nextBytes(content);
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
