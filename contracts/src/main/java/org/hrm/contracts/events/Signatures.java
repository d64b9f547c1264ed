package org.hrm.contracts.events;

/** Checks of the signature fields every v2 authority event shares. */
final class Signatures {
    private Signatures() {}

    /** An absent signature is allowed (unsigned v1 form, refused by consumers); a present one is 64 bytes r || s. */
    static byte[] optional(byte[] signature, String field) {
        if (signature != null && signature.length != 64) {
            throw new IllegalArgumentException(field + " must be 64 bytes (r || s), was " + signature.length);
        }
        return signature;
    }

    /** An optional text, blank read as absent (null): v2 canonical bytes write an absent text as an empty field. */
    static String optionalText(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
