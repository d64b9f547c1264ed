package org.hrm.embedded;

import java.math.BigInteger;
import java.util.EnumMap;
import java.util.Map;
import org.hrm.contracts.Domain;
import org.hrm.contracts.ledger.RecordLedger;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/** Deploys one {@link RecordLedger} per domain, with the ledger writer's address as its writer. */
public final class LedgerDeployment {
    private static final BigInteger DEPLOY_GAS = BigInteger.valueOf(3_000_000);

    private LedgerDeployment() {}

    /** Deploys both domains' ledgers signed by {@code adminKey}; returns each domain's address. */
    public static Map<Domain, String> deploy(String rpcUrl, long chainId, String adminKey, String writerKey) {
        Web3j web3j = Web3j.build(new HttpService(rpcUrl));
        try {
            Credentials admin = Credentials.create(adminKey);
            String writer = Credentials.create(writerKey).getAddress();
            // Poll every 50 ms: web3j's default receipt wait is 15 s per attempt.
            RawTransactionManager transactions = new RawTransactionManager(
                    web3j, admin, chainId, new PollingTransactionReceiptProcessor(web3j, 50, 600));
            StaticGasProvider gas = new StaticGasProvider(BigInteger.ZERO, DEPLOY_GAS);
            Map<Domain, String> addresses = new EnumMap<>(Domain.class);
            for (Domain domain : Domain.values()) {
                addresses.put(
                        domain,
                        RecordLedger.deploy(web3j, transactions, gas, writer)
                                .send()
                                .getContractAddress());
            }
            return addresses;
        } catch (Exception e) {
            throw new IllegalStateException("cannot deploy the ledger contracts to " + rpcUrl, e);
        } finally {
            web3j.shutdown();
        }
    }
}
