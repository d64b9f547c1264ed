package org.hrm.keyvault.config;

import java.nio.file.Path;
import java.time.Duration;
import org.hrm.contracts.RecordLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code hrm.vault}; everything the vault needs besides {@code spring.mongodb.uri} and
 * {@code spring.kafka.bootstrap-servers}.
 *
 * @param masterKeyCustody where the master and pseudonym keys live: {@code pkcs11} (a token, see {@code pkcs11}) or
 *     {@code keyfile} (the sandbox's key file); when unset, {@code pkcs11} if {@code pkcs11.library} is set, else
 *     {@code keyfile}
 * @param sandbox whether this vault runs in the sandbox, the only place the key file is accepted (also true when
 *     the profile {@code sandbox} is active)
 * @param masterKeyFile key file ({@code v1=...}, {@code pseudonym=...}), sandbox only; when unset, the environment
 *     variable {@code HRM_VAULT_MASTER_KEYS} holds the same entries, {@code ;}-separated
 * @param pkcs11 the PKCS#11 token holding the keys (production)
 * @param receiptKeyFile erasure-receipt signing key file (one line: base64 of a 32-byte P-256 scalar, see
 *     {@code ReceiptSigningKey.generateReceiptKeyFileContent()}); when unset, erasures still run but no receipt is
 *     issued (logged)
 * @param consentPublicKey consent-service's public key that access decisions must verify under: base64 of the
 *     65-byte uncompressed SEC1 P-256 point; required (startup fails without it) when the release path is on
 * @param chain the ledger the release path reads; without {@code chain.rpc-url} the release path is off (logged)
 * @param consumerGroup Kafka consumer group of the submission listener
 * @param releaseConsumerGroup Kafka consumer group of the access-decided listener (the release path)
 * @param erasureConsumerGroup Kafka consumer group of the erasure-requested listener
 * @param receiptConsumerGroup Kafka consumer group of the erasure-committed listener (receipts)
 * @param commandConsumerGroup Kafka consumer group of the vault-commands listener (rotation, retirement)
 * @param rotationBatchSize owner keys re-wrapped between two RUNNING progress reports of a rotation
 * @param concurrency listener threads (at most the number of partitions is useful)
 * @param topicPartitions partitions of the topics the vault creates
 * @param topicReplicas replication factor of the topics the vault creates
 * @param createTopics whether to create the topics the vault consumes and produces
 * @param maxEventBytes largest RecordSubmitted (or AccessDecided) accepted, by default one of a 4 MiB record (6 MiB);
 *     larger ones are dead-lettered
 * @param sendTimeout how long a batch waits for its sends to be acknowledged before it is retried
 * @param retryInitialInterval first back-off after an infrastructure failure (the batch is retried, never dropped)
 * @param retryMaxInterval longest back-off between retries
 */
@ConfigurationProperties("hrm.vault")
public record KeyVaultProperties(
        String masterKeyCustody,
        @DefaultValue("false") boolean sandbox,
        Path masterKeyFile,
        Pkcs11 pkcs11,
        Path receiptKeyFile,
        String consentPublicKey,
        Chain chain,
        @DefaultValue("key-vault-service") String consumerGroup,
        @DefaultValue("key-vault-service-release") String releaseConsumerGroup,
        @DefaultValue("key-vault-service-erasure") String erasureConsumerGroup,
        @DefaultValue("key-vault-service-receipts") String receiptConsumerGroup,
        @DefaultValue("key-vault-service-commands") String commandConsumerGroup,
        @DefaultValue("100") int rotationBatchSize,
        @DefaultValue("1") int concurrency,
        @DefaultValue("3") int topicPartitions,
        @DefaultValue("1") short topicReplicas,
        @DefaultValue("true") boolean createTopics,
        @DefaultValue("" + RecordLimits.MAX_EVENT_BYTES) int maxEventBytes,
        @DefaultValue("30s") Duration sendTimeout,
        @DefaultValue("500ms") Duration retryInitialInterval,
        @DefaultValue("30s") Duration retryMaxInterval) {

    /** Whether the release path (access-decided listener, chain reads) runs. */
    public boolean releaseEnabled() {
        String rpcUrl = chain == null ? null : chain.rpcUrl();
        return rpcUrl != null && !rpcUrl.isBlank() && !"false".equalsIgnoreCase(rpcUrl);
    }

    /** Whether the keys are in a PKCS#11 token rather than the sandbox's key file. */
    public boolean pkcs11Custody() {
        if (masterKeyCustody != null && !masterKeyCustody.isBlank()) {
            String custody = masterKeyCustody.strip();
            if (!"pkcs11".equalsIgnoreCase(custody) && !"keyfile".equalsIgnoreCase(custody)) {
                throw new IllegalStateException(
                        "hrm.vault.master-key-custody must be pkcs11 or keyfile, not '" + custody + "'");
            }
            return "pkcs11".equalsIgnoreCase(custody);
        }
        return pkcs11 != null && pkcs11.library() != null && !pkcs11.library().isBlank();
    }

    /**
     * The token (see docs/custody.md, "Master key custody").
     *
     * @param library path of the PKCS#11 library (SoftHSM2, the HSM vendor's client, or a cloud KMS's library)
     * @param slot the token's slot id; when unset, {@code slotListIndex} picks it
     * @param slotListIndex index among the library's slots that hold a token
     * @param pinFile file holding the token user's PIN, mounted from a secret
     * @param initialize generate master key v1 and pseudonym key v1 inside an empty token (first start only)
     */
    public record Pkcs11(
            String library,
            Long slot,
            @DefaultValue("0") int slotListIndex,
            Path pinFile,
            @DefaultValue("false") boolean initialize) {}

    /**
     * The ledger, read only (the vault signs nothing).
     *
     * @param rpcUrl JSON-RPC endpoint of a node
     * @param contracts address of each domain's ledger contract
     * @param timeout connect, read and whole-call timeout of each request; a failed read retries the batch
     * @param rpcTokenKeyFile the file of the P-256 key (one line, base64 scalar) the vault signs the short-lived JWTs
     *     with that a Besu RPC node with JWT authentication requires; empty: the node needs none (Anvil)
     */
    public record Chain(
            String rpcUrl,
            Contracts contracts,
            @DefaultValue("5s") Duration timeout,
            @DefaultValue("") String rpcTokenKeyFile) {}

    /**
     * Each domain's ledger contract; a decision of one domain reads only its own.
     *
     * @param patient address of the patient ledger
     * @param practitioner address of the practitioner ledger
     */
    public record Contracts(String patient, String practitioner) {}
}
