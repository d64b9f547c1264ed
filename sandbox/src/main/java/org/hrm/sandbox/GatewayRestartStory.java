package org.hrm.sandbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hrm.cli.Json;
import org.hrm.cli.KafkaLogin;
import org.hrm.client.kafka.TopicReader;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.ErasureReceipt;
import org.hrm.embedded.KafkaWalls;

/**
 * The gateway restarted after its topics lost every earlier event ({@link ExpiredTopics}, as retention would once
 * past): each owner sees through the gateway what they saw before, their records with their status, their standing
 * grants and their erasure receipts, now from the gateway's database. Needs the platform in this JVM (it restarts
 * the gateway) and owners the development issuer can log in.
 */
final class GatewayRestartStory {
    private final Platform platform;
    private final Consumer<String> say;
    private final HttpClient http = HttpClient.newHttpClient();

    GatewayRestartStory(Platform platform, Consumer<String> say) {
        this.platform = platform;
        this.say = say;
    }

    Map<String, Object> tell(List<String> owners) throws Exception {
        List<ErasureReceipt> receipts = receipts(owners);
        Map<String, String> before = seen(owners, receipts);
        long expired = ExpiredTopics.expireAll(platform.kafka(KafkaWalls.ADMIN));
        say.accept("deleted the " + expired
                + " events the topics held, as expired retention would; restarting the gateway");
        platform.restartGateway();
        Map<String, String> after = seen(owners, receipts);
        // Not vacuous: every owner listed records before, and some erasure had a receipt.
        boolean sawRecords = owners.stream()
                .allMatch(
                        owner -> before.get("/api/owners/" + owner + "/records").contains("\"recordId\""));
        boolean kept = sawRecords && !receipts.isEmpty() && before.equals(after);
        say.accept(
                kept
                        ? "after the restart the owners see the same " + before.size() + " views (records, grants, "
                                + receipts.size() + " receipts) from the gateway's database"
                        : "after the restart the owners' views differ: " + difference(before, after));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("gatewayViewsAfterRestart", kept);
        return result;
    }

    private List<ErasureReceipt> receipts(List<String> owners) {
        EventCodec codec = new EventCodec();
        List<ErasureReceipt> receipts = new ArrayList<>();
        KafkaLogin observer = platform.kafka(SandboxPrincipals.OBSERVER);
        TopicReader.readAll(
                observer.bootstrapServers(), observer.settings(), Topic.ERASURE_RECEIPTS.allNames(), message -> {
                    if (message.value() != null) {
                        ErasureReceipt receipt = codec.decode(message.value(), ErasureReceipt.class);
                        if (owners.contains(receipt.ownerId())) {
                            receipts.add(receipt);
                        }
                    }
                });
        return receipts;
    }

    /** What each owner gets from the gateway, by request path: status and body. */
    private Map<String, String> seen(List<String> owners, List<ErasureReceipt> receipts) throws Exception {
        Map<String, String> seen = new LinkedHashMap<>();
        for (String owner : owners) {
            String token = login(owner);
            List<String> paths = new ArrayList<>();
            paths.add("/api/owners/" + owner + "/records");
            for (Domain domain : Domain.values()) {
                paths.add("/api/owners/" + owner + "/grants?domain=" + domain.name());
            }
            receipts.stream()
                    .filter(receipt -> receipt.ownerId().equals(owner))
                    .forEach(receipt -> paths.add("/api/erasures/" + receipt.requestId() + "/receipt"));
            for (String path : paths) {
                HttpResponse<String> answer = send(HttpRequest.newBuilder(uri(path))
                        .header("Authorization", "Bearer " + token)
                        .GET());
                seen.put(path, answer.statusCode() + " " + answer.body());
            }
        }
        return seen;
    }

    private String login(String partyId) throws IOException, InterruptedException {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/dev/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("partyId", partyId)), UTF_8)));
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("cannot log in as " + partyId + " at the gateway: " + answer.statusCode());
        }
        return String.valueOf(Json.read(answer.body(), Map.class).get("access_token"));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(platform.gatewayUrl() + path);
    }

    private static String difference(Map<String, String> before, Map<String, String> after) {
        return before.keySet().stream()
                .filter(path -> !before.get(path).equals(after.get(path)))
                .map(path -> path + " was " + abbreviate(before.get(path)) + ", is " + abbreviate(after.get(path)))
                .toList()
                .toString();
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }
}
