package org.hrm.sandbox;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.UUID;
import org.hrm.contracts.Domain;
import org.hrm.contracts.ledger.RecordLedger;
import org.hrm.embedded.AnvilNode;
import org.hrm.embedded.LedgerDeployment;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/** An Anvil node of its own with both domains' ledgers deployed, and the writer's wrapper to put entries on them. */
public final class AnvilLedgers implements AutoCloseable {
    private final AnvilNode anvil;
    private final Web3j web3j;
    private final Map<Domain, String> contracts;

    private AnvilLedgers(AnvilNode anvil) {
        this.anvil = anvil;
        this.web3j = Web3j.build(new HttpService(anvil.rpcUrl()));
        this.contracts =
                LedgerDeployment.deploy(anvil.rpcUrl(), AnvilNode.CHAIN_ID, AnvilNode.ADMIN_KEY, AnvilNode.WRITER_KEY);
    }

    public static AnvilLedgers start() {
        AnvilNode anvil = AnvilNode.start(AnvilNode.Options.defaults());
        try {
            return new AnvilLedgers(anvil);
        } catch (RuntimeException e) {
            anvil.close();
            throw e;
        }
    }

    public Web3j web3j() {
        return web3j;
    }

    /** The node's JSON-RPC URL, what an auditor gives {@code ./hrm verify-chain --rpc}. */
    public String rpcUrl() {
        return anvil.rpcUrl();
    }

    public String contract(Domain domain) {
        return contracts.get(domain);
    }

    /** The domain's ledger as its writer calls it, each call's gas limit {@code gas}. */
    public RecordLedger writer(Domain domain, long gas) {
        return RecordLedger.load(
                contracts.get(domain),
                web3j,
                new RawTransactionManager(
                        web3j,
                        Credentials.create(AnvilNode.WRITER_KEY),
                        AnvilNode.CHAIN_ID,
                        new PollingTransactionReceiptProcessor(web3j, 100, 100)),
                new StaticGasProvider(BigInteger.ZERO, BigInteger.valueOf(gas)));
    }

    /** A UUID as the writer puts it on chain: its 16 big-endian bytes. */
    public static byte[] bytes16(String uuid) {
        UUID id = UUID.fromString(uuid);
        return ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }

    @Override
    public void close() {
        web3j.shutdown();
        anvil.close();
    }
}
