package org.hrm.consent.domain;

import java.time.Instant;

/** An owner's revocation of one grant; decisions made after it is stored deny the grant. */
public record Revocation(String grantId, RecordDomain domain, String ownerId, Instant revokedAt) {}
