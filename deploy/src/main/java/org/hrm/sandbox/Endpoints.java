package org.hrm.sandbox;

import java.util.List;
import java.util.Map;

/**
 * Where a running sandbox listens; {@code ./hrm up} writes it to .sandbox/endpoints.json.
 *
 * @param vaultReceiptPublicKey the vault's published receipt key (base64, 65-byte P-256 point)
 * @param vaultMasterKeyFile the sandbox's stand-in for a KMS, for {@code ./hrm vault rotate}
 * @param actuators each service's actuator base URL (health probes, {@code /prometheus}), by service name
 * @param gatewayUrl the gateway: API, patient portal, ops dashboard
 * @param devLogins the development users of the gateway's login page, "party id (role)"
 * @param gatewayAttestationKeys the gateway's public attestation keys by key id (base64 SEC1), as it publishes them
 *     at {@code /api/attestation-keys}: what a client's directory trusts
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
        Map<String, String> actuators,
        String gatewayUrl,
        List<String> devLogins,
        Map<String, String> gatewayAttestationKeys) {}
