package org.hrm.contracts.events;

/**
 * One key the vault destroyed: a record's K2 ({@code kind} "K2") or an owner's KEK ("KEK").
 *
 * @param keyId the vault's id of the key (never key material)
 * @param masterKeyVersion the master key version the destroyed key was wrapped under, for KEKs; 0 for K2
 */
public record DestroyedKey(String kind, String keyId, String recordId, int masterKeyVersion) {
    public DestroyedKey {
        Require.text(kind, "keys[].kind");
        Require.text(keyId, "keys[].keyId");
    }
}
