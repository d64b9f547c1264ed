package org.hrm.contracts.events;

import java.time.Instant;
import java.util.List;
import org.hrm.contracts.Domain;
import org.hrm.crypto.Canonical;
import org.hrm.crypto.Ecdsa;
import org.hrm.crypto.P256KeyPair;

/**
 * The vault destroyed (and confirmed the destruction of) the keys of one erasure request: the
 * listed records can never be decrypted again, whatever copies of C2 exist.
 *
 * <p>Who signs: the vault, with its signing key (the published key that also signs erasure receipts), over
 * {@link #signedBytes()}. Who checks: the ledger writer (before writing tombstones) and consent-service (before
 * marking records erased), against that published key.
 *
 * @param vaultSignature ECDSA P-256/SHA-256 by the vault over {@link #signedBytes()}, 64 bytes r||s
 */
public record KeysDestroyed(
        String requestId,
        Domain domain,
        String ownerId,
        boolean allRecords,
        List<ErasedRecord> records,
        List<DestroyedKey> keys,
        Instant destroyedAt,
        byte[] vaultSignature) {
    public KeysDestroyed {
        Require.recordId(requestId);
        Require.present(domain, "domain");
        Require.text(ownerId, "ownerId");
        records = records == null ? List.of() : List.copyOf(records);
        keys = keys == null ? List.of() : List.copyOf(keys);
        Require.present(destroyedAt, "destroyedAt");
        Signatures.optional(vaultSignature, "vaultSignature");
    }

    /**
     * Unsigned v1 form: consumers refuse it; remove when every producer signs.
     *
     * @deprecated build the v2 form with {@link #signedBy(P256KeyPair)}
     */
    @Deprecated(forRemoval = true)
    public KeysDestroyed(
            String requestId,
            Domain domain,
            String ownerId,
            boolean allRecords,
            List<ErasedRecord> records,
            List<DestroyedKey> keys,
            Instant destroyedAt) {
        this(requestId, domain, ownerId, allRecords, records, keys, destroyedAt, null);
    }

    /** What the vault signs: every field but its signature, each list as its count then its elements' fields. */
    public byte[] signedBytes() {
        Canonical canonical = Canonical.of("hrm/keys-destroyed/v2")
                .text(requestId)
                .text(domain.name())
                .text(ownerId)
                .text(Boolean.toString(allRecords))
                .count(records.size());
        records.forEach(record -> canonical.text(record.recordId()).bytes(record.ownerPseudonym()));
        canonical.count(keys.size());
        keys.forEach(key -> canonical
                .text(key.kind())
                .text(key.keyId())
                .optionalText(key.recordId())
                .text(Integer.toString(key.masterKeyVersion())));
        return canonical.text(destroyedAt.toString()).toBytes();
    }

    /** This event signed by the vault's key. */
    public KeysDestroyed signedBy(P256KeyPair vaultKey) {
        return new KeysDestroyed(
                requestId, domain, ownerId, allRecords, records, keys, destroyedAt, vaultKey.sign(signedBytes()));
    }

    /** Whether the vault signature is present and made by {@code vaultPublicKey}. */
    public boolean signedBy(byte[] vaultPublicKey) {
        return Ecdsa.verify(vaultPublicKey, signedBytes(), vaultSignature);
    }
}
