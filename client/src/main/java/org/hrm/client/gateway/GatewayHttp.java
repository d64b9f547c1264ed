package org.hrm.client.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON over java.net.http for the gateway client and the token sources: one call, its status and body. */
final class GatewayHttp {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;

    GatewayHttp(HttpClient http) {
        this.http = http;
    }

    /** One answer: status, body and the Location header (null if none). */
    record Answer(int status, byte[] body, String location) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        /** The problem detail's text for an error answer, else the body as text. */
        String problem() {
            String text = new String(body, StandardCharsets.UTF_8);
            try {
                JsonNode node = JSON.readTree(body);
                return node.has("detail") ? node.get("detail").asString() : text;
            } catch (RuntimeException notJson) {
                return text;
            }
        }
    }

    Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response =
                    http.send(request.timeout(CALL_TIMEOUT).build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException("the call to " + request.build().uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(
                    "interrupted while calling " + request.build().uri(), e);
        }
    }

    static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri);
    }
}
