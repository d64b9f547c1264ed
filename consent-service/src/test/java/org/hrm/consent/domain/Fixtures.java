package org.hrm.consent.domain;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hrm.consent.TestKeys;

/** Parties, records, grants and requests for rule tests, at a fixed instant; grants are signed with real keys. */
public final class Fixtures {
    public static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    public static final Duration TTL = Duration.ofSeconds(60);
    public static final Duration EMERGENCY_TTL = Duration.ofSeconds(30);

    private Fixtures() {}

    public static String id() {
        return UUID.randomUUID().toString();
    }

    public static Party party(String partyId, PartyKind kind, TestKeys keys) {
        return new Party(partyId, kind, keys.publicKey(), null, NOW);
    }

    public static Party practitioner(String partyId, String institutionId, TestKeys keys) {
        return new Party(partyId, PartyKind.PRACTITIONER, keys.publicKey(), institutionId, NOW);
    }

    public static RecordEntry record(RecordDomain domain, String ownerId, String authorId, String category) {
        return new RecordEntry(id(), domain, ownerId, authorId, category);
    }

    public static Grant grant(RecordDomain domain, String ownerId, String granteeId, Scope scope) {
        return grant(domain, ownerId, granteeId, scope, NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(1)));
    }

    public static Grant grant(
            RecordDomain domain, String ownerId, String granteeId, Scope scope, Instant validFrom, Instant expiresAt) {
        String grantId = id();
        byte[] bytes = grantBytes(grantId, domain, ownerId, granteeId, scope, validFrom, expiresAt);
        return new Grant(
                grantId,
                domain,
                ownerId,
                granteeId,
                scope,
                "TREAT",
                validFrom,
                expiresAt,
                NOW,
                Digests.sha256(bytes),
                null);
    }

    /** The record as its index entry reads once {@code erasure} destroyed its keys. */
    public static RecordEntry erased(RecordEntry record, Erasure erasure) {
        return new RecordEntry(
                record.recordId(),
                record.domain(),
                record.ownerId(),
                record.authorId(),
                record.category(),
                erasure.mark());
    }

    /** The vault destroyed the keys of these records of {@code ownerId}, one minute before {@link #NOW}. */
    public static Erasure erasure(RecordDomain domain, String ownerId, boolean allRecords, String... recordIds) {
        return new Erasure(id(), domain, ownerId, allRecords, List.of(recordIds), NOW.minusSeconds(60));
    }

    public static Scope records(String... recordIds) {
        return new Scope(List.of(recordIds), null);
    }

    public static Scope category(String category) {
        return new Scope(List.of(), category);
    }

    /** The grant with its stand-in canonical bytes, signed by {@code signer}. */
    public static Signed<Grant> signed(Grant grant, TestKeys signer) {
        byte[] bytes = grantBytes(
                grant.grantId(),
                grant.domain(),
                grant.ownerId(),
                grant.granteeId(),
                grant.scope(),
                grant.validFrom(),
                grant.expiresAt());
        return new Signed<>(grant, bytes, signer.sign(bytes));
    }

    public static Signed<Revocation> signed(Revocation revocation, TestKeys signer) {
        byte[] bytes = utf8("revoke|" + revocation.grantId() + "|" + revocation.domain() + "|" + revocation.ownerId());
        return new Signed<>(revocation, bytes, signer.sign(bytes));
    }

    public static AccessRequest request(RecordDomain domain, String recordId, String requesterId) {
        return new AccessRequest(id(), recordId, domain, requesterId, "TREAT", null, NOW);
    }

    public static AccessRequest emergency(RecordDomain domain, String recordId, String requesterId) {
        return new AccessRequest(id(), recordId, domain, requesterId, "ETREAT", "unconscious in the ER", NOW);
    }

    private static byte[] grantBytes(
            String grantId,
            RecordDomain domain,
            String ownerId,
            String granteeId,
            Scope scope,
            Instant validFrom,
            Instant expiresAt) {
        return utf8(String.join(
                "|",
                "grant",
                grantId,
                domain.name(),
                ownerId,
                granteeId,
                String.join(",", scope.recordIds()),
                String.valueOf(scope.category()),
                validFrom.toString(),
                expiresAt.toString()));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
