package org.hrm.keyvault.domain;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * The vault's key hierarchy: K2 wrapped under the owner's KEK, the KEK wrapped under a master key version.
 *
 * <p>Every wrap is AES-256-GCM whose AAD binds where the key belongs (domain, owner, record or master version),
 * so a wrapped key moved to another document, owner or domain does not unwrap. Callers zero the keys they get.
 */
public final class KeyHierarchy {
    private static final String K2_LABEL = "hrm/k2-wrap/v1";
    private static final String KEK_LABEL = "hrm/kek-wrap/v1";

    private final MasterKeyCustody custody;
    private final SecureRandom random;

    public KeyHierarchy(MasterKeyCustody custody, SecureRandom random) {
        this.custody = custody;
        this.random = random;
    }

    /** A fresh owner KEK: 32 random bytes. */
    public byte[] newOwnerKey() {
        byte[] kek = new byte[Aes256Gcm.KEY_BYTES];
        random.nextBytes(kek);
        return kek;
    }

    /** Wraps a KEK under the newest master key version, naming it with a fresh kek id. */
    public WrappedOwnerKey wrapOwnerKey(RecordDomain domain, String ownerId, byte[] kek, Instant now) {
        int version = custody.versionForWrapping();
        byte[] wrapped = custody.wrap(version, kek, kekAad(domain, ownerId, version));
        return new WrappedOwnerKey(ownerId, UUID.randomUUID().toString(), wrapped, version, now);
    }

    /**
     * The KEK in clear; the caller zeroes it. A version this vault does not hold is looked up in the custody once
     * (another instance may have rotated), then refused with {@link MasterKeyRingException}: after retirement, a
     * KEK wrapped under the retired version (a backup's copy) unwraps nowhere.
     */
    public byte[] unwrapOwnerKey(RecordDomain domain, WrappedOwnerKey stored) {
        int version = stored.masterKeyVersion();
        try {
            return custody.unwrap(
                    version,
                    stored.wrappedKek(),
                    kekAad(domain, stored.ownerId(), version),
                    "owner key does not unwrap under master key v" + version + " for its domain and owner");
        } catch (MasterKeyRingException e) {
            throw new MasterKeyRingException("owner key wrapped under master key v" + version + ": " + e.getMessage());
        }
    }

    /**
     * The same KEK (same id, so every K2 under it stays valid) wrapped under the newest master key version; the
     * KEK is in clear only inside this call.
     */
    public WrappedOwnerKey rewrapOwnerKey(RecordDomain domain, WrappedOwnerKey stored) {
        byte[] kek = unwrapOwnerKey(domain, stored);
        try {
            int version = custody.currentVersion();
            byte[] wrapped = custody.wrap(version, kek, kekAad(domain, stored.ownerId(), version));
            return new WrappedOwnerKey(stored.ownerId(), stored.kekId(), wrapped, version, stored.createdAt());
        } finally {
            Bytes.zero(kek);
        }
    }

    public byte[] wrapRecordKey(byte[] kek, RecordDomain domain, String ownerId, String recordId, byte[] k2) {
        return Aes256Gcm.encrypt(kek, k2, k2Aad(domain, ownerId, recordId), random);
    }

    public byte[] unwrapRecordKey(byte[] kek, RecordDomain domain, String ownerId, String recordId, byte[] wrapped) {
        return Aes256Gcm.decrypt(
                kek,
                wrapped,
                k2Aad(domain, ownerId, recordId),
                "K2 of record " + recordId + " does not unwrap under its owner's KEK");
    }

    private static byte[] kekAad(RecordDomain domain, String ownerId, int masterVersion) {
        return Bytes.lengthPrefixed(KEK_LABEL, domain.name(), ownerId, "v" + masterVersion);
    }

    private static byte[] k2Aad(RecordDomain domain, String ownerId, String recordId) {
        return Bytes.lengthPrefixed(K2_LABEL, domain.name(), ownerId, recordId);
    }
}
