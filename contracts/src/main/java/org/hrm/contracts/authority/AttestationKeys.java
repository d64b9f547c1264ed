package org.hrm.contracts.authority;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hrm.crypto.P256;

/** The gateway attestation keys a service trusts, by key id (several while a key is being rotated). */
public final class AttestationKeys {
    private final Map<String, byte[]> keys;

    private AttestationKeys(Map<String, byte[]> keys) {
        this.keys = keys;
    }

    /** Trusts exactly these keys; each must be a valid P-256 public key (65-byte SEC1). */
    public static AttestationKeys of(Map<String, byte[]> publicKeysById) {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        publicKeysById.forEach((id, key) -> {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("attestation key id must not be blank");
            }
            try {
                copy.put(id, P256.requirePublicKey(key).clone());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("attestation key " + id + ": " + e.getMessage());
            }
        });
        return new AttestationKeys(Map.copyOf(copy));
    }

    /** Trusts no attestation at all (a service that accepts only signatures by parties' own keys). */
    public static AttestationKeys none() {
        return new AttestationKeys(Map.of());
    }

    /** Every trusted key (copies), for a signature that names no key id. */
    public List<byte[]> all() {
        return keys.values().stream().map(byte[]::clone).toList();
    }

    public Optional<byte[]> publicKey(String keyId) {
        return Optional.ofNullable(keys.get(keyId)).map(byte[]::clone);
    }

    @Override
    public String toString() {
        return "AttestationKeys" + keys.keySet();
    }
}
