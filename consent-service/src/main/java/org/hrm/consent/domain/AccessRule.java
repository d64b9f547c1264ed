package org.hrm.consent.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The access decision: allowed for the record's owner, its author, a grantee of an active grant of the owner that
 * covers it, or in an emergency a practitioner whose institution authored the record or holds such a grant;
 * denied otherwise, with the reason. A decision expires after the TTL (shorter in an emergency), never after the
 * grant it rests on. An erased record is denied to everyone, its owner included, before any of these rules.
 */
public final class AccessRule {
    public static final String UNREGISTERED_REQUESTER = "requester is not a registered party";
    public static final String UNKNOWN_RECORD = "unknown record";
    public static final String OTHER_DOMAIN = "record belongs to another domain";
    public static final String NO_GRANT = GrantMatch.NO_GRANT;
    /** The reason the gateway answers 410 Gone on: the record's keys are destroyed, nobody can read it again. */
    public static final String RECORD_ERASED = "record erased";

    private final Duration ttl;
    private final Duration emergencyTtl;

    public AccessRule(Duration ttl, Duration emergencyTtl) {
        this.ttl = ttl;
        this.emergencyTtl = emergencyTtl;
    }

    /**
     * @param requester the requesting party, null if not registered
     * @param record the record in the request's domain index, null if not there
     * @param ownerGrants the grants of the record's owner in the request's domain, to any grantee
     */
    public Decision decide(
            AccessRequest request, Party requester, RecordEntry record, List<Grant> ownerGrants, Instant now) {
        Verdict verdict = new Verdict(request, requester, record, now);
        if (requester == null) {
            return verdict.deny(UNREGISTERED_REQUESTER);
        }
        if (record == null) {
            return verdict.deny(UNKNOWN_RECORD);
        }
        if (record.domain() != request.domain()) {
            return verdict.deny(OTHER_DOMAIN);
        }
        if (record.erased()) {
            return verdict.deny(RECORD_ERASED);
        }
        return ofIndexedRecord(verdict, requester, record, ownerGrants);
    }

    private Decision ofIndexedRecord(Verdict verdict, Party requester, RecordEntry record, List<Grant> ownerGrants) {
        String requesterId = requester.partyId();
        Instant expiry = verdict.now().plus(ttl);
        if (requesterId.equals(record.ownerId())) {
            return verdict.allow(Basis.OWNER, requesterId, null, "requester owns the record", expiry);
        }
        if (requesterId.equals(record.authorId())) {
            return verdict.allow(Basis.AUTHOR, requesterId, null, "requester authored the record", expiry);
        }
        GrantMatch own = GrantMatch.find(ownerGrants, requesterId, record, verdict.now());
        if (own.active().isPresent()) {
            Grant grant = own.active().get();
            String reason = "grant " + grant.grantId() + " covers the record";
            return verdict.allow(
                    Basis.GRANT, requesterId, grant.grantId(), reason, earliest(expiry, grant.expiresAt()));
        }
        return verdict.emergency() ? emergency(verdict, requester, record, ownerGrants) : verdict.deny(own.reason());
    }

    /** Break-the-glass: the share released is the institution's, and only if it has one. */
    private Decision emergency(Verdict verdict, Party requester, RecordEntry record, List<Grant> ownerGrants) {
        if (requester.kind() != PartyKind.PRACTITIONER) {
            return verdict.deny("emergency access is only for registered practitioners");
        }
        if (!requester.hasInstitution()) {
            return verdict.deny("emergency access needs the practitioner's institution");
        }
        String institution = requester.institutionId();
        Instant expiry = verdict.now().plus(emergencyTtl);
        if (institution.equals(record.authorId())) {
            return verdict.allowEmergency(
                    institution, "emergency access: the practitioner's institution authored the record", expiry);
        }
        Optional<Grant> held =
                GrantMatch.find(ownerGrants, institution, record, verdict.now()).active();
        if (held.isEmpty()) {
            return verdict.deny("emergency access: the practitioner's institution holds no share of this record");
        }
        String reason = "emergency access: the practitioner's institution holds grant "
                + held.get().grantId();
        return verdict.allowEmergency(
                institution, reason, earliest(expiry, held.get().expiresAt()));
    }

    private static Instant earliest(Instant first, Instant second) {
        return first.isBefore(second) ? first : second;
    }

    /** Builds the decision for one request at one instant. */
    private final class Verdict {
        private final AccessRequest request;
        private final String patientId;
        private final byte[] requesterPublicKey;
        private final Instant now;

        Verdict(AccessRequest request, Party requester, RecordEntry record, Instant now) {
            this.request = request;
            this.requesterPublicKey = requester == null ? null : requester.publicKey();
            this.patientId = record == null || record.domain() != request.domain() ? null : record.ownerId();
            this.now = now;
        }

        Instant now() {
            return now;
        }

        boolean emergency() {
            return request.emergency();
        }

        Decision allowEmergency(String institution, String reason, Instant expiresAt) {
            return allow(Basis.EMERGENCY, institution, null, reason, expiresAt);
        }

        Decision allow(Basis basis, String shareHolderId, String grantId, String reason, Instant expiresAt) {
            return decision(true, basis, shareHolderId, grantId, reason, expiresAt);
        }

        Decision deny(String reason) {
            return decision(false, Basis.NONE, null, null, reason, now.plus(request.emergency() ? emergencyTtl : ttl));
        }

        private Decision decision(
                boolean allowed, Basis basis, String holder, String grantId, String reason, Instant expiresAt) {
            return new Decision(
                    request.requestId(),
                    request.recordId(),
                    request.domain(),
                    request.requesterId(),
                    allowed,
                    basis,
                    holder,
                    grantId,
                    requesterPublicKey,
                    reason,
                    now,
                    expiresAt,
                    patientId,
                    request.purpose(),
                    request.emergency());
        }
    }
}
