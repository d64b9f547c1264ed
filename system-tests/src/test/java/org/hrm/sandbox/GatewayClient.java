package org.hrm.sandbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client of the gateway for the end-to-end tests: dev logins, bearer calls, polling. */
final class GatewayClient {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    GatewayClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** One answer: status, body and the Location header if any. */
    record Answer(int status, byte[] body, String location) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        String text() {
            return new String(body, UTF_8);
        }
    }

    String login(String partyId) throws IOException, InterruptedException {
        Answer answer = send("POST", "/dev/login", null, JSON.writeValueAsBytes(java.util.Map.of("partyId", partyId)));
        return answer.json().get("access_token").asString();
    }

    Answer get(String path, String token) throws IOException, InterruptedException {
        return send("GET", path, token, null);
    }

    Answer post(String path, String token, byte[] body) throws IOException, InterruptedException {
        return send("POST", path, token, body);
    }

    /** Repeats a call every 300 ms until {@code done} accepts the answer or the timeout passes; the last answer. */
    Answer until(Duration timeout, Predicate<Answer> done, Call call) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Answer answer = call.send();
        while (!done.test(answer) && System.nanoTime() < deadline) {
            Thread.sleep(300);
            answer = call.send();
        }
        return answer;
    }

    /** One HTTP call, repeated by {@link #until}. */
    interface Call {
        Answer send() throws Exception;
    }

    private Answer send(String method, String path, String token, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(
                response.statusCode(),
                response.body(),
                response.headers().firstValue("Location").orElse(null));
    }
}
