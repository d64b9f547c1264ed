package org.hrm.client.chain;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Puts a current {@link ChainRpcTokens} token on every request of an OkHttp client (web3j's {@code HttpService}). */
public final class ChainRpcAuthInterceptor implements Interceptor {
    private final ChainRpcTokens tokens;

    public ChainRpcAuthInterceptor(ChainRpcTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        return chain.proceed(chain.request()
                .newBuilder()
                .header("Authorization", tokens.authorization())
                .build());
    }
}
