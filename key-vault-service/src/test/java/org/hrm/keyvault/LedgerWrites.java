package org.hrm.keyvault;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hrm.contracts.Domain;
import org.hrm.contracts.LedgerCalldata;
import org.hrm.contracts.LedgerPayload;
import org.hrm.contracts.events.RecordSealed;
import org.hrm.contracts.ledger.RecordLedger;
import org.hrm.embedded.AnvilNode;
import org.hrm.embedded.LedgerDeployment;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Numeric;

/**
 * Plays the ledger writer in tests: an Anvil node with both domains' ledgers deployed, and the writer's key to put
 * records, grant shares and revocations on chain.
 */
public final class LedgerWrites implements AutoCloseable {
    private final AnvilNode anvil;
    private final Map<Domain, String> contracts;
    private final Web3j web3j;

    private LedgerWrites(AnvilNode anvil) {
        this.anvil = anvil;
        this.contracts =
                LedgerDeployment.deploy(anvil.rpcUrl(), AnvilNode.CHAIN_ID, AnvilNode.ADMIN_KEY, AnvilNode.WRITER_KEY);
        this.web3j = Web3j.build(new HttpService(anvil.rpcUrl()));
    }

    public static LedgerWrites start() {
        AnvilNode anvil = AnvilNode.start(AnvilNode.Options.defaults());
        try {
            return new LedgerWrites(anvil);
        } catch (RuntimeException e) {
            anvil.close();
            throw e;
        }
    }

    public String rpcUrl() {
        return anvil.rpcUrl();
    }

    public String contract(Domain domain) {
        return contracts.get(domain);
    }

    /** Writes the sealed record as the ledger writer does: storeBatch with the LedgerPayload bytes. */
    public void store(RecordSealed sealed) {
        send(ledger(sealed.domain())
                .storeBatch(
                        List.of(bytes16(sealed.recordId())),
                        List.of(sealed.ownerPseudonym()),
                        List.of(LedgerPayload.of(sealed).encode())));
    }

    /**
     * Writes records in one transaction in the calldata layout ({@code storeBatchInCalldata}): the payloads in the
     * call's input only, each RecordInCalldata log their keccak256 and position. Returns the transaction's hash.
     */
    public String storeInCalldata(
            Domain domain, List<String> recordIds, List<byte[]> pseudonyms, List<byte[]> payloads) {
        byte[] input = LedgerCalldata.encode(
                LedgerCalldata.STORE_BATCH_IN_CALLDATA,
                recordIds.stream().map(LedgerWrites::bytes16).toList(),
                pseudonyms,
                payloads);
        try {
            String hash = transactions()
                    .sendTransaction(
                            BigInteger.ZERO,
                            BigInteger.valueOf(5_000_000),
                            contracts.get(domain),
                            Numeric.toHexString(input),
                            BigInteger.ZERO)
                    .getTransactionHash();
            TransactionReceipt receipt =
                    new PollingTransactionReceiptProcessor(web3j, 50, 200).waitForTransactionReceipt(hash);
            if (!receipt.isStatusOK()) {
                throw new IllegalStateException("ledger transaction reverted: " + hash);
            }
            return hash;
        } catch (Exception e) {
            throw new IllegalStateException("ledger write failed", e);
        }
    }

    /** Writes records in one transaction in the logged layout ({@code storeBatch}). */
    public void storeLogged(Domain domain, List<String> recordIds, List<byte[]> pseudonyms, List<byte[]> payloads) {
        send(ledger(domain)
                .storeBatch(recordIds.stream().map(LedgerWrites::bytes16).toList(), pseudonyms, payloads));
    }

    public void grant(Domain domain, String grantId, String recordId, byte[] share) {
        send(ledger(domain).grantBatch(List.of(bytes16(grantId)), List.of(bytes16(recordId)), List.of(share)));
    }

    public void revoke(Domain domain, String grantId) {
        send(ledger(domain).revokeBatch(List.of(bytes16(grantId))));
    }

    @Override
    public void close() {
        web3j.shutdown();
        anvil.close();
    }

    private RawTransactionManager transactions() {
        return new RawTransactionManager(
                web3j,
                Credentials.create(AnvilNode.WRITER_KEY),
                AnvilNode.CHAIN_ID,
                new PollingTransactionReceiptProcessor(web3j, 50, 200));
    }

    private RecordLedger ledger(Domain domain) {
        return RecordLedger.load(
                contracts.get(domain),
                web3j,
                transactions(),
                new StaticGasProvider(BigInteger.ZERO, BigInteger.valueOf(5_000_000)));
    }

    private static void send(org.web3j.protocol.core.RemoteFunctionCall<TransactionReceipt> call) {
        try {
            TransactionReceipt receipt = call.send();
            if (!receipt.isStatusOK()) {
                throw new IllegalStateException("ledger transaction reverted: " + receipt.getTransactionHash());
            }
        } catch (Exception e) {
            throw new IllegalStateException("ledger write failed", e);
        }
    }

    private static byte[] bytes16(String uuid) {
        UUID id = UUID.fromString(uuid);
        return ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }
}
