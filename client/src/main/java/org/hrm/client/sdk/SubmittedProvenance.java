package org.hrm.client.sdk;

import java.util.List;
import org.hrm.contracts.events.KeyShare;
import org.hrm.contracts.events.RecordReleased;
import org.hrm.contracts.events.RecordSubmitted;

/**
 * A record's provenance as a platform service reports it, without C1: who owns and wrote it, the author's signature
 * and the shares it covers. Untrusted: {@link #submission} pairs it with the C1 the requester opened, and the
 * signature, which covers SHA-256 of C1, is then verified against the author's keys like any other.
 */
public record SubmittedProvenance(String ownerId, String authorId, byte[] authorSignature, List<KeyShare> shares) {
    public SubmittedProvenance {
        authorSignature = authorSignature == null ? null : authorSignature.clone();
        shares = shares == null ? List.of() : List.copyOf(shares);
    }

    @Override
    public byte[] authorSignature() {
        return authorSignature == null ? null : authorSignature.clone();
    }

    /** The submission to verify {@code released} against, its C1 being the one the requester opened from it. */
    public RecordSubmitted submission(RecordReleased released, byte[] innerCiphertext) {
        return new RecordSubmitted(
                released.recordId(),
                released.domain(),
                ownerId,
                authorId,
                innerCiphertext,
                shares,
                authorSignature,
                released.releasedAt(),
                null);
    }
}
