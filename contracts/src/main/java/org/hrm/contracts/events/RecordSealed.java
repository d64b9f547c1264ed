package org.hrm.contracts.events;

import java.time.Instant;
import java.util.List;
import org.hrm.contracts.Domain;
import org.hrm.crypto.Canonical;
import org.hrm.crypto.Ecdsa;
import org.hrm.crypto.P256KeyPair;
import org.hrm.crypto.Sha256;

/**
 * The key vault added the outer layer; this is exactly what goes on chain, nothing that names a person.
 *
 * <p>Who signs: the vault, with its signing key (the published key that also signs erasure receipts), over
 * {@link #signedBytes()}. Who checks: the ledger writer, against that published key, before writing anything on
 * chain.
 *
 * @param ownerPseudonym keyed pseudonym of the owner (32 bytes)
 * @param outerCiphertext C2 = AES-256-GCM(K2, C1)
 * @param vaultSignature ECDSA P-256/SHA-256 by the vault over {@link #signedBytes()}, 64 bytes r||s
 */
public record RecordSealed(
        String recordId,
        Domain domain,
        byte[] ownerPseudonym,
        byte[] outerCiphertext,
        List<SealedShare> shares,
        byte[] authorSignature,
        Instant sealedAt,
        byte[] vaultSignature) {

    public RecordSealed {
        Require.recordId(recordId);
        Require.present(domain, "domain");
        Require.bytes(ownerPseudonym, "ownerPseudonym", 32);
        Require.bytes(outerCiphertext, "outerCiphertext");
        shares = List.copyOf(Require.nonEmpty(shares, "shares"));
        Require.bytes(authorSignature, "authorSignature");
        Require.present(sealedAt, "sealedAt");
        Signatures.optional(vaultSignature, "vaultSignature");
    }

    /**
     * Unsigned v1 form: consumers refuse it; remove when every producer signs.
     *
     * @deprecated build the v2 form with {@link #signedBy(P256KeyPair)}
     */
    @Deprecated(forRemoval = true)
    public RecordSealed(
            String recordId,
            Domain domain,
            byte[] ownerPseudonym,
            byte[] outerCiphertext,
            List<SealedShare> shares,
            byte[] authorSignature,
            Instant sealedAt) {
        this(recordId, domain, ownerPseudonym, outerCiphertext, shares, authorSignature, sealedAt, null);
    }

    /** What the vault signs: every field but its signature (C2 by its SHA-256). */
    public byte[] signedBytes() {
        Canonical canonical = Canonical.of("hrm/record-sealed/v2")
                .text(recordId)
                .text(domain.name())
                .bytes(ownerPseudonym)
                .bytes(Sha256.digest(outerCiphertext))
                .count(shares.size());
        shares.forEach(share -> canonical.bytes(share.readerPseudonym()).bytes(share.share()));
        return canonical.bytes(authorSignature).text(sealedAt.toString()).toBytes();
    }

    /** This record signed by the vault's key. */
    public RecordSealed signedBy(P256KeyPair vaultKey) {
        return new RecordSealed(
                recordId,
                domain,
                ownerPseudonym,
                outerCiphertext,
                shares,
                authorSignature,
                sealedAt,
                vaultKey.sign(signedBytes()));
    }

    /** Whether the vault signature is present and made by {@code vaultPublicKey}. */
    public boolean signedBy(byte[] vaultPublicKey) {
        return Ecdsa.verify(vaultPublicKey, signedBytes(), vaultSignature);
    }
}
