package org.hrm.consent.application;

import org.hrm.consent.domain.Grant;
import org.hrm.consent.domain.Revocation;

/** What a grant id holds in a domain: the grant (possibly revoked), or a revocation that arrived before it. */
public record StoredGrant(Grant grant, Revocation earlyRevocation) {
    public static StoredGrant of(Grant grant) {
        return new StoredGrant(grant, null);
    }

    public static StoredGrant early(Revocation revocation) {
        return new StoredGrant(null, revocation);
    }
}
