package org.hrm.client.sdk;

import java.util.Objects;
import java.util.Optional;
import org.hrm.contracts.events.RecordReleased;
import org.hrm.contracts.events.RecordSubmitted;

/**
 * The platform's answer to a request for a record's release: the release (C1 sealed to the requester, the share
 * holder's share, and the provenance the vault kept), or the reason it was denied. A release is only as good as its
 * provenance: open it with {@link RecordDecryptor#open}, which refuses a record whose author's signature fails.
 *
 * @param released the release, or null if denied
 * @param deniedReason why the release was denied (for an erased record {@link #ERASED}), or null if released
 * @param provenance the record's submission as the platform accepted it, for a release that carries none (a record
 *     sealed before the vault kept it); null if unknown. Untrusted: the reader verifies it like any other
 */
public record ReleaseAnswer(RecordReleased released, String deniedReason, SubmittedProvenance provenance) {
    /** The reason the platform gives for a record its owner erased. */
    public static final String ERASED = "record erased";

    public ReleaseAnswer {
        if ((released == null) == (deniedReason == null)) {
            throw new IllegalArgumentException("an answer is either a release or a denial");
        }
    }

    public static ReleaseAnswer denied(String reason) {
        return new ReleaseAnswer(null, Objects.requireNonNull(reason, "reason"), null);
    }

    public boolean allowed() {
        return released != null;
    }

    /**
     * What to verify the release against once the requester opened its C1: the provenance the release carries (the
     * vault's copy of what it sealed), else the reported one paired with that C1; empty if neither exists.
     */
    public Optional<RecordSubmitted> submissionOf(byte[] innerCiphertext) {
        Optional<RecordSubmitted> carried = released.submission(innerCiphertext);
        if (carried.isPresent() || provenance == null) {
            return carried;
        }
        return Optional.of(provenance.submission(released, innerCiphertext));
    }
}
