package org.hrm.gateway.adapter.ops;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hrm.client.chain.ChainRpcTokens;
import org.hrm.gateway.application.OpsSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chain head and pending transactions over plain JSON-RPC (no signer, no web3j: the gateway only reads), with a
 * bearer token naming only these two methods when the node requires one.
 */
final class ChainRpc {
    /** The only methods the gateway calls: a token for it opens nothing else. */
    static final List<String> PERMISSIONS = List.of("eth:blockNumber", "eth:getBlockTransactionCountByNumber");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final String url;
    private final Optional<ChainRpcTokens> tokens;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    ChainRpc(String url, Optional<ChainRpcTokens> tokens) {
        this.url = url;
        this.tokens = tokens;
    }

    OpsSource.Chain read() {
        if (url == null || url.isBlank()) {
            return new OpsSource.Chain(null, null, "no chain RPC configured (hrm.gateway.chain-rpc)");
        }
        try {
            Long head = quantity(call("eth_blockNumber", List.of()));
            // Anvil and Besu count the pending block's transactions; a node that does not answers null.
            Long pending = quantity(call("eth_getBlockTransactionCountByNumber", List.of("pending")));
            return new OpsSource.Chain(head, pending, null);
        } catch (IOException | RuntimeException e) {
            return new OpsSource.Chain(null, null, "chain RPC unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new OpsSource.Chain(null, null, "interrupted");
        }
    }

    private JsonNode call(String method, List<Object> params) throws IOException, InterruptedException {
        byte[] body = JSON.writeValueAsBytes(Map.of("jsonrpc", "2.0", "id", 1, "method", method, "params", params));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        tokens.ifPresent(each -> request.header("Authorization", each.authorization()));
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() == 401) {
            throw new IOException("the node refused the gateway's token (HTTP 401)");
        }
        return JSON.readTree(response.body()).path("result");
    }

    private static Long quantity(JsonNode result) {
        if (result == null || !result.isString()) {
            return null;
        }
        return Long.decode(result.asString());
    }
}
