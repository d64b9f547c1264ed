package org.hrm.contracts.events;

/** K1 of one covered record, rewrapped by the owner's client to the grantee's public key. */
public record GrantShare(String recordId, byte[] share) {
    public GrantShare {
        Require.recordId(recordId);
        Require.bytes(share, "shares[].share");
    }
}
