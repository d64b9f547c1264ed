package org.hrm.contracts.events;

import java.time.Instant;
import java.util.List;
import org.hrm.contracts.Domain;
import org.hrm.crypto.Canonical;

/**
 * What the owner keeps as proof of an erasure: what was destroyed, when, and the tombstones on
 * chain, signed by the vault's receipt key (ECDSA P-256/SHA-256, r||s) whose public half is published.
 */
public record ErasureReceipt(
        String requestId,
        Domain domain,
        String ownerId,
        List<String> recordIds,
        List<DestroyedKey> keys,
        Instant destroyedAt,
        String contractAddress,
        List<Tombstone> tombstones,
        Instant issuedAt,
        byte[] vaultSignature) {
    public ErasureReceipt {
        Require.recordId(requestId);
        Require.present(domain, "domain");
        Require.text(ownerId, "ownerId");
        recordIds = recordIds == null ? List.of() : List.copyOf(recordIds);
        keys = keys == null ? List.of() : List.copyOf(keys);
        Require.present(destroyedAt, "destroyedAt");
        tombstones = tombstones == null ? List.of() : List.copyOf(tombstones);
        Require.present(issuedAt, "issuedAt");
        Require.bytes(vaultSignature, "vaultSignature");
    }

    /** What the vault signs: every field but the signature. */
    public byte[] signedBytes() {
        Canonical canonical = Canonical.of("hrm/erasure-receipt/v1")
                .text(requestId)
                .text(domain.name())
                .text(ownerId)
                .text(String.join(",", recordIds));
        keys.forEach(key -> canonical
                .text(key.kind())
                .text(key.keyId())
                .text(key.recordId())
                .text(Integer.toString(key.masterKeyVersion())));
        canonical.text(destroyedAt.toString()).text(contractAddress);
        tombstones.forEach(t -> canonical
                .text(t.recordId())
                .text(t.transactionHash())
                .text(Long.toString(t.blockNumber()))
                .text(Integer.toString(t.logIndex())));
        return canonical.text(issuedAt.toString()).toBytes();
    }
}
