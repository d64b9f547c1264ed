package org.hrm.gateway.application;

import java.time.Instant;
import java.util.List;
import org.hrm.contracts.Domain;

/**
 * A record's submission as the gateway keeps it (no C1: only the provenance bytes that name its digest), read from
 * the record-submitted topic; anyone who may write the topic can post one, so {@link RecordBook} trusts it only once
 * the vault sealed it.
 *
 * @param signedBytes the bytes the author's signature covers, computed from the event itself by the adapter that read
 *     it; null for an envelope version it cannot read (no provenance to verify)
 */
public record Submission(
        String recordId,
        Domain domain,
        String ownerId,
        String authorId,
        String category,
        Instant submittedAt,
        List<ReaderShare> shares,
        byte[] authorSignature,
        byte[] signedBytes) {
    public Submission {
        shares = List.copyOf(shares);
    }
}
