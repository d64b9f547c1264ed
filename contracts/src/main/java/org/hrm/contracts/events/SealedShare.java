package org.hrm.contracts.events;

/** A key share as it goes on chain: the reader named only by a keyed pseudonym (32 bytes). */
public record SealedShare(byte[] readerPseudonym, byte[] share) {
    public SealedShare {
        Require.bytes(readerPseudonym, "shares[].readerPseudonym", 32);
        Require.bytes(share, "shares[].share");
    }
}
