package org.hrm.ledgerwriter.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.hrm.contracts.Domain;
import org.hrm.contracts.events.ConsentGranted;
import org.hrm.contracts.events.ConsentRevoked;
import org.hrm.contracts.events.GrantScope;
import org.hrm.contracts.events.GrantShare;
import org.hrm.crypto.P256KeyPair;

/**
 * ConsentGranted and ConsentRevoked built by hand, signed by the owner's key ({@link TestAuthority#owner}) with v2
 * shares; the owner must be registered (see {@link TestAuthority#registration}) for the ledger writer to write them.
 */
public final class Consents {
    /** A v2 share: 65 bytes of encapsulated key, 64 of sealed K1 || salt, 16 of tag. */
    public static final int SHARE_BYTES = 145;

    private Consents() {}

    /** A grant of {@code shares} records by id, each with a random key share for the grantee. */
    public static ConsentGranted granted(Domain domain, int shares) {
        List<GrantShare> granted = IntStream.range(0, shares)
                .mapToObj(i -> new GrantShare(UUID.randomUUID().toString(), TestAuthority.share()))
                .toList();
        return granted(
                domain,
                GrantScope.records(granted.stream().map(GrantShare::recordId).toList()),
                granted);
    }

    /** A grant of a whole category with no record on chain yet: no key shares. */
    public static ConsentGranted grantedCategoryWithoutShares(Domain domain) {
        return granted(domain, GrantScope.category("lab-results"), List.of());
    }

    public static ConsentGranted granted(Domain domain, GrantScope scope, List<GrantShare> shares) {
        return granted(domain, "owner-" + UUID.randomUUID(), scope, shares);
    }

    /** A grant by {@code ownerId}, signed with its key. */
    public static ConsentGranted granted(Domain domain, String ownerId, GrantScope scope, List<GrantShare> shares) {
        Instant now = Instant.now();
        ConsentGranted unsigned = new ConsentGranted(
                UUID.randomUUID().toString(),
                domain,
                ownerId,
                "grantee-" + UUID.randomUUID(),
                scope,
                "TREAT",
                now,
                now.plus(Duration.ofDays(30)),
                shares,
                now,
                Records.bytes(64));
        return signed(unsigned, TestAuthority.owner(ownerId));
    }

    /** The same grant signed by {@code key}. */
    public static ConsentGranted signed(ConsentGranted grant, P256KeyPair key) {
        return new ConsentGranted(
                grant.grantId(),
                grant.domain(),
                grant.ownerId(),
                grant.granteeId(),
                grant.scope(),
                grant.purpose(),
                grant.validFrom(),
                grant.expiresAt(),
                grant.shares(),
                grant.grantedAt(),
                key.sign(grant.signedBytes()));
    }

    public static ConsentRevoked revoked(ConsentGranted grant) {
        return revoked(grant.grantId(), grant.domain(), grant.ownerId(), TestAuthority.owner(grant.ownerId()));
    }

    /** A revocation of {@code grantId} by {@code ownerId}, signed with {@code key}. */
    public static ConsentRevoked revoked(String grantId, Domain domain, String ownerId, P256KeyPair key) {
        ConsentRevoked unsigned = new ConsentRevoked(grantId, domain, ownerId, Instant.now(), Records.bytes(64));
        return new ConsentRevoked(grantId, domain, ownerId, unsigned.revokedAt(), key.sign(unsigned.signedBytes()));
    }
}
