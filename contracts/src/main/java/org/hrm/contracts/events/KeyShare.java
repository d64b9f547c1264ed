package org.hrm.contracts.events;

/** K1 wrapped with HPKE to one reader's public key; only that reader's private key opens it. */
public record KeyShare(String readerId, byte[] share) {
    public KeyShare {
        Require.text(readerId, "shares[].readerId");
        Require.bytes(share, "shares[].share");
    }
}
