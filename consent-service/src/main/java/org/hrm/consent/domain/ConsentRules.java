package org.hrm.consent.domain;

import java.util.Collection;
import java.util.Optional;

/**
 * Who may grant and revoke: only the owner, proven by a signature with the key the owner registered, to a
 * registered grantee, over records the owner owns in the grant's domain.
 */
public final class ConsentRules {
    public static final String NOT_SIGNED_BY_OWNER = "grant not signed by the owner";
    public static final String REVOCATION_NOT_SIGNED_BY_OWNER = "revocation not signed by the owner";
    public static final String ONLY_OWNER_REVOKES = "only the grant's owner can revoke";

    private ConsentRules() {}

    /**
     * Empty when the grant may be stored. {@code indexedRecords} are the scope's listed records found in the
     * grant's domain; a listed record not indexed yet is checked at decision time instead.
     */
    public static Optional<String> grantRefusal(
            Signed<Grant> signed, Party owner, Party grantee, Collection<RecordEntry> indexedRecords) {
        Grant grant = signed.content();
        if (owner == null) {
            return Optional.of("owner " + grant.ownerId() + " is not a registered party");
        }
        if (grantee == null) {
            return Optional.of("grantee " + grant.granteeId() + " is not a registered party");
        }
        if (!signed.signedBy(owner.publicKey())) {
            return Optional.of(NOT_SIGNED_BY_OWNER);
        }
        return indexedRecords.stream()
                .filter(record ->
                        record.domain() != grant.domain() || !record.ownerId().equals(grant.ownerId()))
                .findFirst()
                .map(record -> "record " + record.recordId() + " is not owned by " + grant.ownerId() + " in domain "
                        + grant.domain());
    }

    /** Empty when the revocation may be applied; {@code grant} is the stored grant, null if not seen yet. */
    public static Optional<String> revocationRefusal(Signed<Revocation> signed, Party owner, Grant grant) {
        Revocation revocation = signed.content();
        if (owner == null) {
            return Optional.of("owner " + revocation.ownerId() + " is not a registered party");
        }
        if (!signed.signedBy(owner.publicKey())) {
            return Optional.of(REVOCATION_NOT_SIGNED_BY_OWNER);
        }
        if (grant != null && !grant.ownerId().equals(revocation.ownerId())) {
            return Optional.of(ONLY_OWNER_REVOKES);
        }
        return Optional.empty();
    }

    /**
     * A grant whose revocation arrived first (grants and revocations travel on different topics) is stored
     * revoked, but only when the same owner revoked it: nobody else can pre-empt an owner's grant.
     */
    public static Grant afterEarlyRevocation(Grant grant, Revocation early) {
        return grant.ownerId().equals(early.ownerId()) ? grant.revokedAt(early.revokedAt()) : grant;
    }
}
