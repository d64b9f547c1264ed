package org.hrm.consent.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.hrm.consent.domain.Grant;
import org.hrm.consent.domain.RecordDomain;
import org.hrm.consent.domain.Revocation;

/**
 * Port: one domain's grants by grant id. Every write is a single-document conditional write, so two writers of one
 * grant id never overwrite each other: the loser sees false and its batch is retried.
 */
public interface GrantStore {
    Optional<StoredGrant> find(RecordDomain domain, String grantId);

    /** The grants (not early revocations) of these owners in this domain, revoked and expired ones included. */
    List<Grant> findByOwners(RecordDomain domain, Collection<String> ownerIds);

    /** Stores a grant under a free id; false when the id is taken. */
    boolean insertNew(Grant grant);

    /** Stores a revocation whose grant has not arrived, under a free id; false when the id is taken. */
    boolean insertEarlyRevocation(Revocation revocation);

    /** Replaces the early revocation under the grant's id with the grant; false when there is none any more. */
    boolean replaceEarlyRevocation(Grant grant);

    /** Marks a stored, unrevoked grant revoked; false when it is not there or already revoked. */
    boolean markRevoked(RecordDomain domain, String grantId, Instant revokedAt);

    /** Marks a stored grant ended, with the reason; false when it is not there or already ended. */
    boolean markEnded(RecordDomain domain, String grantId, Instant endedAt, String reason);
}
