package org.hrm.contracts.authority;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.Objects;

/**
 * A key a party no longer holds as its directory key: the key, when it stopped being the party's, and how it ended.
 * How it ended decides what a signature made with it is still worth ({@link ProvenanceKeyRule}).
 *
 * @param publicKey the retired key, 65-byte SEC1
 * @param retiredAt when the directory stopped taking it as the party's key; null only when {@code ended} is
 *     {@link Ending#UNRECORDED}
 */
public record RetiredKey(byte[] publicKey, Instant retiredAt, Ending ended) {
    /** How a key stopped being a party's key. */
    public enum Ending {
        /** Replaced by a rotation the key itself signed: its holder still had it and did not report it lost. */
        ROTATED,
        /**
         * Replaced by a rotation the gateway attested instead of the key signing it: the owner reported it lost, so
         * it may be in someone else's hands from some unknown moment before {@code retiredAt}.
         */
        REPORTED_LOST,
        /**
         * An unattested first-come entry's key that an attested registration of the party id replaced: it was never
         * proven to be the party's.
         */
        SUPERSEDED_UNATTESTED,
        /** Kept by a store that recorded only the key, not when or how it ended. */
        UNRECORDED
    }

    public RetiredKey {
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(ended, "ended");
        if (retiredAt == null && ended != Ending.UNRECORDED) {
            throw new IllegalArgumentException("a retired key needs the time it was retired");
        }
        publicKey = publicKey.clone();
    }

    /** A key known only as a former key, from a store that did not record its end. */
    public static RetiredKey unrecorded(byte[] publicKey) {
        return new RetiredKey(publicKey, null, Ending.UNRECORDED);
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** Whether this is {@code key}. */
    public boolean is(byte[] key) {
        return key != null && MessageDigest.isEqual(publicKey, key);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RetiredKey that
                && MessageDigest.isEqual(publicKey, that.publicKey)
                && Objects.equals(retiredAt, that.retiredAt)
                && ended == that.ended;
    }

    @Override
    public int hashCode() {
        return Objects.hash(java.util.Arrays.hashCode(publicKey), retiredAt, ended);
    }

    @Override
    public String toString() {
        return "RetiredKey[" + ended + " at " + retiredAt + "]";
    }
}
