package org.hrm.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.hrm.client.chain.ChainRpcAuthInterceptor;
import org.hrm.client.chain.ChainRpcTokens;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * The JSON-RPC client of {@code ./hrm verify-chain}: with {@code --rpc-token-key-file FILE} (the RPC node's JWT key,
 * as the services hold it) every request carries a five-minute token that opens only the read methods the verifier
 * calls, so an auditor's token cannot send a transaction; without it no token (Anvil, a node without authentication).
 */
final class AuditorChainClient {
    static final List<String> PERMISSIONS = List.of("eth:blockNumber", "eth:getBlockByNumber", "eth:getLogs");

    private AuditorChainClient() {}

    static Web3j connect(String rpc, Path rpcTokenKeyFile) {
        Optional<ChainRpcTokens> tokens = ChainRpcTokens.fromKeyFile(
                rpcTokenKeyFile == null ? null : rpcTokenKeyFile.toString(), "hrm-verify-chain", PERMISSIONS);
        OkHttpClient.Builder client = HttpService.getOkHttpClientBuilder();
        tokens.ifPresent(each -> client.addInterceptor(new ChainRpcAuthInterceptor(each)));
        return Web3j.build(new HttpService(rpc, client.build()));
    }
}
