package org.hrm.ledgerwriter.domain;

/** A revoked grant: one GrantRevoked log under the grant id, after which the vault releases nothing under it. */
public record Revocation(String grantId) implements ConsentEntry {
    public Revocation {
        grantId = RecordIds.canonical(grantId);
    }

    /** {@code grantId:revoked}. */
    public static String entryId(String grantId) {
        return grantId + ":revoked";
    }

    @Override
    public String entryId() {
        return entryId(grantId);
    }
}
