package org.hrm.consent.application;

/**
 * A party's signed history (its registration and every rotation since, each exactly as its party signed it), encoded
 * by the adapter that read those events, as the directory topic carries it. The use cases store it with the party's
 * entry and hand it back; only the adapter reads it.
 */
public record SignedHistory(byte[] encoded) {
    public SignedHistory {
        if (encoded == null || encoded.length == 0) {
            throw new IllegalArgumentException("a signed history has bytes");
        }
        encoded = encoded.clone();
    }

    @Override
    public byte[] encoded() {
        return encoded.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedHistory that && java.util.Arrays.equals(encoded, that.encoded);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "SignedHistory[" + encoded.length + " bytes]";
    }
}
