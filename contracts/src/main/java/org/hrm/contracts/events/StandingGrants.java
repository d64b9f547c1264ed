package org.hrm.contracts.events;

import java.time.Instant;
import java.util.List;
import org.hrm.contracts.Domain;

/**
 * consent-service's published view of who an owner has granted a domain to, on a compacted topic
 * keyed by owner: an author's client reads it to wrap a new record to those grantees too.
 */
public record StandingGrants(String ownerId, Domain domain, List<Grantee> grantees, Instant updatedAt) {
    public StandingGrants {
        Require.text(ownerId, "ownerId");
        Require.present(domain, "domain");
        grantees = grantees == null ? List.of() : List.copyOf(grantees);
        Require.present(updatedAt, "updatedAt");
    }

    /** One standing, unexpired, unrevoked grant and the grantee's public key. */
    public record Grantee(String granteeId, byte[] publicKey, String grantId, GrantScope scope, Instant expiresAt) {
        public Grantee {
            Require.text(granteeId, "grantees[].granteeId");
            Require.bytes(publicKey, "grantees[].publicKey", 65);
            Require.recordId(grantId);
            Require.present(scope, "grantees[].scope");
            Require.present(expiresAt, "grantees[].expiresAt");
        }
    }
}
