package org.hrm.ledgerwriter.config;

import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hrm.contracts.authority.AttestationKeys;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whom the ledger writer believes ({@code hrm.ledger.authority.*}): the vault's published signing key (required: no
 * sealed record or tombstone goes on chain without it), consent-service's decision key (required: its audit events are
 * anchored only when signed by it), the gateway attestation keys its party directory and the gateway's audit events
 * are checked against, how long a grant waits for its owner's registration and a revocation for its grant.
 *
 * @param vaultPublicKey the vault's published key (base64 of the 65-byte P-256 point): signs RecordSealed and
 *     KeysDestroyed
 * @param consentPublicKey consent-service's decision key (base64 of the 65-byte P-256 point): signs its audit events
 * @param attestationKeys trusted gateway attestation keys, base64 by key id
 * @param partyGrace how long a grant or revocation waits for its owner to appear in the directory
 * @param revocationGrace how long an owner-signed revocation read before the grant it names is held for that grant,
 *     from this writer's first reading of it (never the owner-chosen revokedAt), before it is dead-lettered
 * @param directoryConsumerGroup the consumer group of the parties listener
 */
@ConfigurationProperties("hrm.ledger.authority")
public record AuthorityProperties(
        String vaultPublicKey,
        String consentPublicKey,
        Map<String, String> attestationKeys,
        @DefaultValue("10s") Duration partyGrace,
        @DefaultValue("10m") Duration revocationGrace,
        @DefaultValue("ledger-writer-parties") String directoryConsumerGroup) {
    public AuthorityProperties {
        if (vaultPublicKey == null || vaultPublicKey.isBlank()) {
            throw new IllegalArgumentException("hrm.ledger.authority.vault-public-key is required: the vault's"
                    + " published signing key (base64 of the 65-byte P-256 point)");
        }
        if (consentPublicKey == null || consentPublicKey.isBlank()) {
            throw new IllegalArgumentException("hrm.ledger.authority.consent-public-key is required: consent-service's"
                    + " decision key (base64 of the 65-byte P-256 point), which its audit events must verify under"
                    + " before they are anchored");
        }
        attestationKeys = attestationKeys == null ? Map.of() : Map.copyOf(attestationKeys);
    }

    public byte[] vaultKey() {
        return Base64.getDecoder().decode(vaultPublicKey.strip());
    }

    public byte[] consentKey() {
        return Base64.getDecoder().decode(consentPublicKey.strip());
    }

    public AttestationKeys attesters() {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        attestationKeys.forEach((id, key) -> keys.put(id, Base64.getDecoder().decode(key.strip())));
        return AttestationKeys.of(keys);
    }
}
