package org.hrm.gateway.adapter.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hrm.client.chain.ChainRpcTokens;
import org.hrm.crypto.P256KeyPair;
import org.hrm.gateway.application.OpsSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChainRpcTest {
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private HttpServer node;

    @AfterEach
    void stop() {
        node.stop(0);
    }

    @Test
    void sendsABearerTokenNamingOnlyTheTwoReadMethodsWhenAKeyIsConfigured() {
        String url = node(200);
        ChainRpcTokens tokens =
                ChainRpcTokens.of(P256KeyPair.generate(), "hrm-gateway", ChainRpc.PERMISSIONS, Clock.systemUTC());

        OpsSource.Chain chain = new ChainRpc(url, Optional.of(tokens)).read();

        assertThat(chain.headBlock()).isEqualTo(42L);
        assertThat(authorizations)
                .hasSize(2)
                .allSatisfy(header -> assertThat(header).startsWith("Bearer "));
        String claims = new String(
                Base64.getUrlDecoder().decode(authorizations.get(0).split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"permissions\":[\"eth:blockNumber\",\"eth:getBlockTransactionCountByNumber\"]");
    }

    @Test
    void sendsNoTokenWithoutAKeyAndReportsARefusalAsUnreachable() {
        String url = node(401);

        OpsSource.Chain chain = new ChainRpc(url, Optional.empty()).read();

        assertThat(authorizations).containsOnlyNulls();
        assertThat(chain.headBlock()).isNull();
        assertThat(chain.error()).contains("refused the gateway's token");
    }

    private String node(int status) {
        try {
            node = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        node.createContext("/", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x2a\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, status == 200 ? body.length : -1);
            if (status == 200) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        node.start();
        return "http://127.0.0.1:" + node.getAddress().getPort();
    }
}
