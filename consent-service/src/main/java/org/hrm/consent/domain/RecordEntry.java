package org.hrm.consent.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One record in a domain's index: who owns it, who wrote it, its category (may be null) and, once its keys are
 * destroyed, its erasure (null while it can be read). A record erased before it was indexed is known by its owner
 * only ({@code authorId} null) and stays erased.
 */
public record RecordEntry(
        String recordId, RecordDomain domain, String ownerId, String authorId, String category, Erased erasure) {

    public RecordEntry(String recordId, RecordDomain domain, String ownerId, String authorId, String category) {
        this(recordId, domain, ownerId, authorId, category, null);
    }

    /** The erasure that destroyed a record's keys: which request, and when. */
    public record Erased(String requestId, Instant erasedAt) {}

    public boolean erased() {
        return erasure != null;
    }

    /** Whether the record was erased before its RecordSubmitted was indexed, so only its owner is known. */
    public boolean erasedBeforeIndexed() {
        return erased() && authorId == null;
    }

    /**
     * Empty when {@code incoming} is this entry again, or the late RecordSubmitted of a record erased before it
     * was indexed (which changes nothing: an erased record stays erased); otherwise why it conflicts (first writer
     * wins).
     */
    public Optional<String> conflictWith(RecordEntry incoming) {
        if (ownerId.equals(incoming.ownerId())
                && (erasedBeforeIndexed()
                        || (authorId.equals(incoming.authorId()) && Objects.equals(category, incoming.category())))) {
            return Optional.empty();
        }
        return Optional.of("record " + recordId + " is already indexed with a different owner, author or category");
    }
}
