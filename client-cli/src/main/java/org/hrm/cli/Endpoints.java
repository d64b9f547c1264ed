package org.hrm.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where a running sandbox listens; {@code ./hrm up} writes it to .sandbox/endpoints.json and the CLI's commands read
 * it.
 *
 * @param vaultReceiptPublicKey the vault's published receipt key (base64, 65-byte P-256 point)
 * @param vaultMasterKeyFile the sandbox's stand-in for an HSM, for {@code ./hrm vault rotate}; null when the vault's
 *     keys are in a PKCS#11 token
 * @param vaultMasterKeyCustody where the vault's master keys are: {@code keyfile} or {@code pkcs11} (null in an
 *     endpoints file written before it was recorded: the key file)
 * @param actuators each service's actuator base URL (health probes, {@code /prometheus}), by service name
 * @param gatewayUrl the gateway: API, patient portal, ops dashboard
 * @param devLogins the development users of the gateway's login page, "party id (role)"
 * @param gatewayAttestationKeys the gateway's public attestation keys by key id (base64 SEC1), as it publishes them
 *     at {@code /api/attestation-keys}: what a client's directory trusts
 * @param consentDecisionPublicKey consent-service's decision key (base64 SEC1), which signs its decisions and the
 *     audit events on hrm.ops.audit: what an auditor checks those with
 * @param kafkaCredentialsFile inside the walls, the owner-only file with the client principals' Kafka logins
 *     (the sandbox's {@code SandboxPrincipals}); null when the broker is open
 */
public record Endpoints(
        String kafkaBootstrapServers,
        String mongoUri,
        String chainRpc,
        String patientContract,
        String practitionerContract,
        String logDir,
        String vaultReceiptPublicKey,
        String vaultMasterKeyFile,
        String vaultMasterKeyCustody,
        Map<String, String> actuators,
        String gatewayUrl,
        List<String> devLogins,
        Map<String, String> gatewayAttestationKeys,
        String consentDecisionPublicKey,
        String kafkaCredentialsFile) {

    /** {@code keyfile} or {@code pkcs11}. */
    public String masterKeyCustody() {
        return vaultMasterKeyCustody != null ? vaultMasterKeyCustody : "keyfile";
    }

    /** Whether the broker runs inside the walls (every client connects as a principal). */
    public boolean kafkaWalls() {
        return kafkaCredentialsFile != null;
    }

    /** How a client connects as {@code principal} (one of the sandbox's principals); anonymously to an open broker. */
    public KafkaLogin kafka(String principal) {
        return kafkaWalls()
                ? new KafkaLogin(
                        kafkaBootstrapServers,
                        principal,
                        KafkaCredentialsFile.read(Path.of(kafkaCredentialsFile), principal))
                : KafkaLogin.open(kafkaBootstrapServers);
    }
}
