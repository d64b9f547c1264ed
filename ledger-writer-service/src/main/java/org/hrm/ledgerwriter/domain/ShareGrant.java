package org.hrm.ledgerwriter.domain;

import java.util.Objects;

/**
 * K1 of one record wrapped by the owner's client to a grantee: one ShareGranted log under the grant id
 * and the record id. Ids are kept in the chain's form (lower case) so receipts match them.
 */
public record ShareGrant(String grantId, String recordId, byte[] share) implements ConsentEntry {
    public ShareGrant {
        grantId = RecordIds.canonical(grantId);
        recordId = RecordIds.canonical(recordId);
        Objects.requireNonNull(share, "share");
    }

    /** {@code grantId:recordId}. */
    public static String entryId(String grantId, String recordId) {
        return grantId + ":" + recordId;
    }

    @Override
    public String entryId() {
        return entryId(grantId, recordId);
    }

    @Override
    public String toString() {
        return "ShareGrant[" + entryId() + ", " + share.length + " bytes]";
    }
}
