package org.hrm.consent.domain;

import java.time.Instant;

/**
 * The decision on one request, made once: allowed with its basis and share holder, or denied with the reason.
 * {@code patientId} (the record's owner, null for an unknown record), {@code purpose} and {@code emergency} are
 * kept for the audit trail. {@code requesterPublicKey} is the requester's registered key (null if unregistered), to
 * which the vault seals the released C1.
 */
public record Decision(
        String requestId,
        String recordId,
        RecordDomain domain,
        String requesterId,
        boolean allowed,
        Basis basis,
        String shareHolderId,
        String grantId,
        byte[] requesterPublicKey,
        String reason,
        Instant decidedAt,
        Instant expiresAt,
        String patientId,
        String purpose,
        boolean emergency) {}
