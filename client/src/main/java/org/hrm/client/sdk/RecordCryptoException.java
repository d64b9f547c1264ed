package org.hrm.client.sdk;

/**
 * A record's bytes (envelope, key share or signature) failed a cryptographic check; the message says which one.
 *
 * <p>Messages never contain key material, plaintext or ciphertext.
 */
public class RecordCryptoException extends RuntimeException {
    static final String SHARE_DOES_NOT_OPEN = "key share does not open with this reader's key";
    static final String SHARE_FOR_OTHER_READER = "key share is addressed to another reader";
    static final String INNER_AUTHENTICATION_FAILED =
            "inner ciphertext failed authentication (tampered or wrong record identity)";
    static final String CONTENT_CHECK_FAILED = "content check failed";
    static final String ENVELOPE_TRUNCATED = "envelope truncated";
    static final String PROVENANCE_INVALID = "provenance signature invalid";
    static final String SHARE_VERSION_MISMATCH = "key share version does not match the envelope version";
    static final String RELEASE_FOR_OTHER_REQUESTER = "the release answers another requester";
    static final String RELEASE_DOES_NOT_OPEN = "released ciphertext does not open with this requester's key";

    public RecordCryptoException(String message) {
        super(message);
    }

    static RecordCryptoException unsupportedVersion(int version) {
        return new RecordCryptoException("unsupported envelope version " + version);
    }
}
