package org.hrm.ledgerwriter.config;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Locale;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.ledgerwriter.domain.LedgerLayout;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the ledger writer ({@code hrm.ledger.*}); the chain endpoint, signing key and contract
 * addresses are required, everything else has a default.
 *
 * @param chainId the chain id to sign for; when absent it is asked from the node
 * @param gasPriceWei gas price (legacy) or max fee per gas (EIP-1559); 0 on a free-gas network
 * @param maxRecordsPerTx most entries per transaction: records, and likewise key shares, revocations or
 *     tombstones
 * @param consentConsumerGroup the consumer group of the ConsentGranted/ConsentRevoked listener
 * @param erasureConsumerGroup the consumer group of the KeysDestroyed listener
 * @param auditConsumerGroup the consumer group of the audit listener (both audit topics)
 * @param layout how batches of whole records go on chain: {@code calldata} (storeBatchInCalldata, the payload in
 *     calldata only, its log a digest and position; the default, about 17 gas per payload byte at 1 KiB) or
 *     {@code logged} (storeBatch, the payload in calldata and in its RecordStored log, about 27); readers read both
 * @param rpcTokenKeyFile the file of the P-256 key (one line, base64 scalar) the writer signs the short-lived JWTs
 *     with that a Besu RPC node with JWT authentication requires; empty: the node needs none (Anvil)
 */
@ConfigurationProperties("hrm.ledger")
public record LedgerProperties(
        String rpcUrl,
        Long chainId,
        String signingKey,
        Contracts contracts,
        @DefaultValue("200") int maxRecordsPerTx,
        @DefaultValue("15000000") long maxTxGas,
        @DefaultValue("10") int gasMarginPercent,
        @DefaultValue("64") int maxInFlight,
        @DefaultValue("50ms") Duration receiptPollInterval,
        @DefaultValue("2m") Duration receiptTimeout,
        @DefaultValue("1") int confirmations,
        @DefaultValue("LEGACY") TransactionType transactionType,
        @DefaultValue("0") BigInteger gasPriceWei,
        @DefaultValue("0") BigInteger maxPriorityFeeWei,
        @DefaultValue("256") int httpMaxRequests,
        @DefaultValue("ledger-writer") String consumerGroup,
        @DefaultValue("ledger-writer-consent") String consentConsumerGroup,
        @DefaultValue("ledger-writer-erasure") String erasureConsumerGroup,
        @DefaultValue("ledger-writer-audit") String auditConsumerGroup,
        @DefaultValue("2000") int maxPollRecords,
        @DefaultValue("3") int topicPartitions,

        @DefaultValue("" + EventCodec.DEFAULT_MAX_EVENT_BYTES)
        int maxEventBytes,

        @DefaultValue("30s") Duration kafkaSendTimeout,
        @DefaultValue("") String rpcTokenKeyFile,
        @DefaultValue("CALLDATA") LedgerLayout layout) {

    /** Below the 16,777,216 gas per transaction that current Ethereum and Besu enforce. */
    public static final long TRANSACTION_GAS_CAP = 16_777_216L;

    public LedgerProperties {
        require(rpcUrl, "hrm.ledger.rpc-url", "the JSON-RPC endpoint of the chain");
        require(signingKey, "hrm.ledger.signing-key", "the writer's private key, hex");
        require(contracts == null ? null : contracts.patient(), "hrm.ledger.contracts.patient", "an address");
        require(contracts.practitioner(), "hrm.ledger.contracts.practitioner", "an address");
        if (maxTxGas > TRANSACTION_GAS_CAP) {
            throw new IllegalArgumentException("hrm.ledger.max-tx-gas must not exceed " + TRANSACTION_GAS_CAP);
        }
        if (maxInFlight < 1 || confirmations < 1 || maxRecordsPerTx < 1) {
            throw new IllegalArgumentException(
                    "hrm.ledger.max-in-flight, confirmations and max-records-per-tx must be at least 1");
        }
    }

    /** The ledger contract of each domain: separate deployments for patient and practitioner. */
    public record Contracts(String patient, String practitioner) {
        public Contracts {
            patient = lowerCase(patient);
            practitioner = lowerCase(practitioner);
        }

        public String address(Domain domain) {
            return switch (domain) {
                case PATIENT -> patient;
                case PRACTITIONER -> practitioner;
            };
        }
    }

    /** Legacy (gas price) or EIP-1559 (fee cap and priority fee) transactions. */
    public enum TransactionType {
        LEGACY,
        EIP1559
    }

    private static String lowerCase(String address) {
        return address == null ? null : address.trim().toLowerCase(Locale.ROOT);
    }

    private static void require(String value, String property, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(property + " is required: " + what);
        }
    }

    @Override
    public String toString() {
        return "LedgerProperties[rpcUrl=" + rpcUrl + ", chainId=" + chainId + ", contracts=" + contracts
                + ", signingKey=<redacted>]";
    }
}
