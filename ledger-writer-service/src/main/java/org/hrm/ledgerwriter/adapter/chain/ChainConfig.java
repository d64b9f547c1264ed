package org.hrm.ledgerwriter.adapter.chain;

import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.hrm.ledgerwriter.config.LedgerProperties;
import org.hrm.support.NoDelaySocketFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/** The JSON-RPC client: OkHttp with TCP_NODELAY and limits raised for many requests in flight. */
@Configuration(proxyBeanMethods = false)
class ChainConfig {

    @Bean(destroyMethod = "shutdown")
    Web3j ledgerWeb3j(LedgerProperties properties) {
        return web3j(properties);
    }

    static Web3j web3j(LedgerProperties properties) {
        return Web3j.build(new HttpService(properties.rpcUrl(), httpClient(properties.httpMaxRequests())));
    }

    static OkHttpClient httpClient(int maxRequests) {
        // OkHttp allows 5 concurrent requests per host by default: too few for pipelined sends.
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(maxRequests);
        dispatcher.setMaxRequestsPerHost(maxRequests);
        return new OkHttpClient.Builder()
                .socketFactory(new NoDelaySocketFactory(SocketFactory.getDefault()))
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(maxRequests, 5, TimeUnit.MINUTES))
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(60, TimeUnit.SECONDS)
                .writeTimeout(60, TimeUnit.SECONDS)
                .build();
    }
}
