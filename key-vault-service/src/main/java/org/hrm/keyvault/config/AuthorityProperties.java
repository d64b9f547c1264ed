package org.hrm.keyvault.config;

import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hrm.contracts.authority.AttestationKeys;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whom the vault believes ({@code hrm.vault.authority.*}): the gateway attestation keys its party directory trusts,
 * the operators whose signed commands it runs, and how long a submission waits for its parties' registrations.
 *
 * @param attestationKeys trusted gateway attestation keys, base64 of the 65-byte P-256 point by key id
 * @param operatorKeys operators' public keys, base64 of the 65-byte P-256 point by operator id; none: no command runs
 * @param partyGrace how long a submission waits for its author or owner to appear in the directory
 * @param erasureRequestMaxAge how long after its signed time an erasure request is obeyed (VaultAuthority says why)
 * @param directoryConsumerGroup the consumer group of the parties listener
 */
@ConfigurationProperties("hrm.vault.authority")
public record AuthorityProperties(
        Map<String, String> attestationKeys,
        Map<String, String> operatorKeys,
        @DefaultValue("10s") Duration partyGrace,
        @DefaultValue("24h") Duration erasureRequestMaxAge,
        @DefaultValue("key-vault-service-parties") String directoryConsumerGroup) {
    public AuthorityProperties {
        attestationKeys = attestationKeys == null ? Map.of() : Map.copyOf(attestationKeys);
        operatorKeys = operatorKeys == null ? Map.of() : Map.copyOf(operatorKeys);
    }

    public AttestationKeys attesters() {
        return AttestationKeys.of(decoded(attestationKeys));
    }

    public Map<String, byte[]> operators() {
        return decoded(operatorKeys);
    }

    private static Map<String, byte[]> decoded(Map<String, String> base64ById) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        base64ById.forEach((id, key) -> keys.put(id, Base64.getDecoder().decode(key.strip())));
        return keys;
    }
}
