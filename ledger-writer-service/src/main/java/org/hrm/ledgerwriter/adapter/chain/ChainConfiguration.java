package org.hrm.ledgerwriter.adapter.chain;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.hrm.client.chain.ChainRpcAuthInterceptor;
import org.hrm.client.chain.ChainRpcTokens;
import org.hrm.ledgerwriter.config.LedgerProperties;
import org.hrm.support.NoDelaySocketFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * The JSON-RPC client: OkHttp with TCP_NODELAY and limits raised for many requests in flight, and a bearer token on
 * every request when {@code hrm.ledger.rpc-token-key-file} is set (a Besu RPC node with JWT authentication).
 */
@Configuration(proxyBeanMethods = false)
class ChainConfiguration {
    /**
     * The only methods the writer calls (signing lanes, receipts, reconciliation, chain status, the block gas limit
     * its sends are cut by): its tokens open nothing else.
     */
    static final List<String> PERMISSIONS = List.of(
            "eth:sendRawTransaction",
            "eth:getTransactionCount",
            "eth:getTransactionReceipt",
            "eth:blockNumber",
            "eth:getBlockByNumber",
            "eth:chainId");

    @Bean(destroyMethod = "shutdown")
    Web3j ledgerWeb3j(LedgerProperties properties) {
        return web3j(properties);
    }

    static Web3j web3j(LedgerProperties properties) {
        Optional<ChainRpcTokens> tokens =
                ChainRpcTokens.fromKeyFile(properties.rpcTokenKeyFile(), "hrm-ledger-writer", PERMISSIONS);
        return Web3j.build(new HttpService(properties.rpcUrl(), httpClient(properties.httpMaxRequests(), tokens)));
    }

    static OkHttpClient httpClient(int maxRequests) {
        return httpClient(maxRequests, Optional.empty());
    }

    static OkHttpClient httpClient(int maxRequests, Optional<ChainRpcTokens> tokens) {
        // OkHttp allows 5 concurrent requests per host by default: too few for pipelined sends.
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(maxRequests);
        dispatcher.setMaxRequestsPerHost(maxRequests);
        OkHttpClient.Builder builder = new OkHttpClient.Builder();
        tokens.ifPresent(each -> builder.addInterceptor(new ChainRpcAuthInterceptor(each)));
        return builder.socketFactory(new NoDelaySocketFactory(SocketFactory.getDefault()))
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(maxRequests, 5, TimeUnit.MINUTES))
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(60, TimeUnit.SECONDS)
                .writeTimeout(60, TimeUnit.SECONDS)
                .build();
    }
}
