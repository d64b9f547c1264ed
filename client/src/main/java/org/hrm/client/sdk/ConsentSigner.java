package org.hrm.client.sdk;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hrm.contracts.Domain;
import org.hrm.contracts.events.ConsentGranted;
import org.hrm.contracts.events.ConsentRevoked;
import org.hrm.contracts.events.GrantScope;
import org.hrm.contracts.events.GrantShare;
import org.hrm.contracts.events.KeyShare;
import org.hrm.crypto.P256;

/**
 * The owner's side of consent: rewraps each covered record's share (K1, and from envelope v2 the salt) to the grantee
 * and signs the grant or revocation with the owner's key, so consent-service can tell it from one a non-owner forged.
 */
public final class ConsentSigner {
    private static final byte[] UNSIGNED = {0};
    private final SecureRandom random;

    public ConsentSigner() {
        this(new SecureRandom());
    }

    public ConsentSigner(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A record the grant covers today, with the owner's own key share of it. */
    public record CoveredRecord(String recordId, KeyShare ownerShare) {}

    /** Terms of a grant: who, what, why and for how long. */
    public record GrantTerms(
            String grantId,
            Domain domain,
            String granteeId,
            GrantScope scope,
            String purpose,
            Instant validFrom,
            Instant expiresAt) {}

    /**
     * Builds a signed grant: opens the owner's share of each covered record and wraps K1 to the grantee.
     *
     * @throws RecordCryptoException if one of the owner's shares does not open with the owner's key
     */
    public ConsentGranted grant(
            PartyKeyHolder owner, GrantTerms terms, byte[] granteePublicKey, List<CoveredRecord> covered, Instant now) {
        List<GrantShare> shares = new ArrayList<>(covered.size());
        for (CoveredRecord record : covered) {
            shares.add(rewrap(owner, terms, granteePublicKey, record));
        }
        ConsentGranted unsigned = granted(owner.partyId(), terms, shares, now, UNSIGNED);
        return granted(owner.partyId(), terms, shares, now, sign(owner, unsigned.signedBytes()));
    }

    /** A revocation signed by the owner. */
    public ConsentRevoked revoke(PartyKeyHolder owner, String grantId, Domain domain, Instant now) {
        ConsentRevoked unsigned = new ConsentRevoked(grantId, domain, owner.partyId(), now, UNSIGNED);
        return new ConsentRevoked(grantId, domain, owner.partyId(), now, sign(owner, unsigned.signedBytes()));
    }

    /** The party's signature (ECDSA P-256/SHA-256, deterministic, r||s) over canonical bytes such as a grant's. */
    public static byte[] sign(PartyKeyHolder party, byte[] message) {
        return Provenance.sign(party, message);
    }

    /** Whether {@code signature} is the party's signature (ECDSA P-256/SHA-256, r||s) over {@code message}. */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        return Provenance.verify(P256.requirePublicKey(publicKey), message, signature);
    }

    private GrantShare rewrap(PartyKeyHolder owner, GrantTerms terms, byte[] granteePublicKey, CoveredRecord record) {
        RecordIdentity identity = new RecordIdentity(record.recordId(), terms.domain(), owner.partyId());
        // The payload keeps its version: a v2 share carries the salt on to the grantee, a v1 share K1 alone.
        byte[] payload = KeyShares.unwrap(record.ownerShare().share(), identity, owner);
        try {
            return new GrantShare(
                    record.recordId(), KeyShares.wrap(payload, identity, terms.granteeId(), granteePublicKey, random));
        } finally {
            java.util.Arrays.fill(payload, (byte) 0);
        }
    }

    private static ConsentGranted granted(
            String ownerId, GrantTerms terms, List<GrantShare> shares, Instant now, byte[] signature) {
        return new ConsentGranted(
                terms.grantId(),
                terms.domain(),
                ownerId,
                terms.granteeId(),
                terms.scope(),
                terms.purpose(),
                terms.validFrom(),
                terms.expiresAt(),
                shares,
                now,
                signature);
    }
}
