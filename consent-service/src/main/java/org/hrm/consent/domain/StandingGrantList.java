package org.hrm.consent.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An owner's grants in one domain that still stand (unrevoked, not ended, unexpired), each with the grantee's
 * public key, so the author of a new record can wrap it to them too.
 */
public record StandingGrantList(String ownerId, RecordDomain domain, List<Grantee> grantees, Instant updatedAt) {

    public StandingGrantList {
        grantees = List.copyOf(grantees);
    }

    /** One standing grant and its grantee's key. */
    public record Grantee(String granteeId, byte[] publicKey, String grantId, Scope scope, Instant expiresAt) {}

    /** The standing ones among {@code ownerGrants}; grantees missing from {@code parties} are left out. */
    public static StandingGrantList of(
            String ownerId, RecordDomain domain, List<Grant> ownerGrants, Map<String, Party> parties, Instant now) {
        List<Grantee> grantees = ownerGrants.stream()
                .filter(grant -> grant.ownerId().equals(ownerId) && grant.domain() == domain)
                .filter(grant -> !grant.revoked() && !grant.ended() && now.isBefore(grant.expiresAt()))
                .filter(grant -> parties.containsKey(grant.granteeId()))
                .map(grant -> new Grantee(
                        grant.granteeId(),
                        parties.get(grant.granteeId()).publicKey(),
                        grant.grantId(),
                        grant.scope(),
                        grant.expiresAt()))
                .toList();
        return new StandingGrantList(ownerId, domain, grantees, now);
    }
}
