package org.hrm.keyvault.adapter.chain;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import okhttp3.OkHttpClient;
import org.hrm.client.chain.ChainRpcAuthInterceptor;
import org.hrm.client.chain.ChainRpcTokens;
import org.hrm.keyvault.application.LedgerReader;
import org.hrm.keyvault.config.KeyVaultProperties;
import org.hrm.keyvault.domain.RecordDomain;
import org.hrm.support.NoDelaySocketFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.web3j.crypto.WalletUtils;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * The JSON-RPC client the release path reads the ledger with (read only: the vault signs nothing): OkHttp with
 * TCP_NODELAY and a short timeout, so an unreachable node fails the batch quickly and it is retried. Present only
 * when {@code hrm.vault.chain.rpc-url} is set; then both contract addresses are required. With
 * {@code hrm.vault.chain.rpc-token-key-file} every request carries a bearer token that opens eth_getLogs only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "hrm.vault.chain", name = "rpc-url")
class ChainConfiguration {
    /** The only method the release path calls. */
    static final List<String> PERMISSIONS = List.of("eth:getLogs");

    @Bean(destroyMethod = "shutdown")
    Web3j vaultWeb3j(KeyVaultProperties vault) {
        KeyVaultProperties.Chain chain = vault.chain();
        if (!vault.releaseEnabled()) {
            throw new IllegalStateException("hrm.vault.chain.rpc-url must be a node's JSON-RPC URL, was blank");
        }
        Optional<ChainRpcTokens> tokens =
                ChainRpcTokens.fromKeyFile(chain.rpcTokenKeyFile(), "hrm-key-vault", PERMISSIONS);
        return Web3j.build(new HttpService(chain.rpcUrl(), httpClient(chain.timeout(), tokens)));
    }

    @Bean
    LedgerReader ledgerReader(Web3j vaultWeb3j, KeyVaultProperties vault) {
        return new Web3jLedgerReader(vaultWeb3j, contracts(vault.chain()));
    }

    static Map<RecordDomain, String> contracts(KeyVaultProperties.Chain chain) {
        KeyVaultProperties.Contracts configured = chain.contracts();
        Map<RecordDomain, String> contracts = new EnumMap<>(RecordDomain.class);
        contracts.put(RecordDomain.PATIENT, address(configured == null ? null : configured.patient(), "patient"));
        contracts.put(
                RecordDomain.PRACTITIONER,
                address(configured == null ? null : configured.practitioner(), "practitioner"));
        return contracts;
    }

    private static String address(String address, String domain) {
        if (address == null || !WalletUtils.isValidAddress(address)) {
            throw new IllegalStateException("hrm.vault.chain.contracts." + domain
                    + " must be the " + domain + " ledger contract's address (0x and 40 hex digits), was "
                    + (address == null ? "unset" : "'" + address + "'"));
        }
        return address.toLowerCase(java.util.Locale.ROOT);
    }

    private static OkHttpClient httpClient(Duration timeout, Optional<ChainRpcTokens> tokens) {
        long millis = timeout.toMillis();
        OkHttpClient.Builder builder = new OkHttpClient.Builder();
        tokens.ifPresent(each -> builder.addInterceptor(new ChainRpcAuthInterceptor(each)));
        return builder.socketFactory(new NoDelaySocketFactory(SocketFactory.getDefault()))
                .connectTimeout(millis, TimeUnit.MILLISECONDS)
                .readTimeout(millis, TimeUnit.MILLISECONDS)
                .writeTimeout(millis, TimeUnit.MILLISECONDS)
                .callTimeout(millis, TimeUnit.MILLISECONDS)
                .build();
    }
}
