/**
 * How a caller reaches the chain node's JSON-RPC: the ES256 tokens a Besu node with JWT authentication checks
 * ({@link org.hrm.client.chain.ChainRpcTokens}), minted alike by the services that call it and by the auditor's
 * {@code verify-chain}, and the OkHttp interceptor that puts one on every request of web3j's {@code HttpService}
 * ({@link org.hrm.client.chain.ChainRpcAuthInterceptor}).
 */
package org.hrm.client.chain;
