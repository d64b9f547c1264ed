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

/**
 * ConsentGranted and ConsentRevoked built by hand. The owner's signature is any non-empty bytes: the
 * ledger writer records well-formed events without verifying it (consent-service does).
 */
public final class Consents {
    /** HPKE-sized: 65 bytes of encapsulated key plus 48 of sealed K1. */
    public static final int SHARE_BYTES = 113;

    private Consents() {}

    /** A grant of {@code shares} records by id, each with a random key share for the grantee. */
    public static ConsentGranted granted(Domain domain, int shares) {
        List<GrantShare> granted = IntStream.range(0, shares)
                .mapToObj(i -> new GrantShare(UUID.randomUUID().toString(), Records.bytes(SHARE_BYTES)))
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
        Instant now = Instant.now();
        return new ConsentGranted(
                UUID.randomUUID().toString(),
                domain,
                "owner-" + UUID.randomUUID(),
                "grantee-" + UUID.randomUUID(),
                scope,
                "TREAT",
                now,
                now.plus(Duration.ofDays(30)),
                shares,
                now,
                Records.bytes(64));
    }

    public static ConsentRevoked revoked(ConsentGranted grant) {
        return new ConsentRevoked(grant.grantId(), grant.domain(), grant.ownerId(), Instant.now(), Records.bytes(64));
    }
}
