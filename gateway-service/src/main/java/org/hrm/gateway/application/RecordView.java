package org.hrm.gateway.application;

import java.time.Instant;
import java.util.List;
import org.hrm.contracts.Domain;
import org.hrm.gateway.domain.RecordStage;

/**
 * What the gateway knows of one record from the topics: its submission (without C1: the gateway never keeps
 * ciphertext), how far it got, and its commit on chain. Owner and author are null until the submission is read, and
 * are those of the submission the vault sealed once the seal is read ({@link RecordBook}).
 */
public record RecordView(
        String recordId,
        Domain domain,
        String ownerId,
        String authorId,
        String category,
        Instant submittedAt,
        List<ReaderShare> shares,
        byte[] authorSignature,
        RecordStage stage,
        Instant sealedAt,
        RecordCommit committed,
        Instant erasedAt) {

    static RecordView unknown(String recordId, Domain domain) {
        return new RecordView(
                recordId, domain, null, null, null, null, List.of(), null, RecordStage.PENDING, null, null, null);
    }

    public boolean submissionKnown() {
        return ownerId != null;
    }

    public boolean erased() {
        return stage == RecordStage.ERASED;
    }

    /** The share wrapped to {@code readerId} at submission, if there is one. */
    public ReaderShare shareOf(String readerId) {
        return shares.stream()
                .filter(share -> share.readerId().equals(readerId))
                .findFirst()
                .orElse(null);
    }

    RecordView submitted(
            String owner,
            String author,
            String recordCategory,
            Instant at,
            List<ReaderShare> keyShares,
            byte[] signature) {
        return new RecordView(
                recordId,
                domain,
                owner,
                author,
                recordCategory,
                at,
                List.copyOf(keyShares),
                signature,
                stage,
                sealedAt,
                committed,
                erasedAt);
    }

    /** The same record with no submission shown: the one shown was not the one the vault sealed. */
    RecordView withoutSubmission() {
        return new RecordView(
                recordId, domain, null, null, null, null, List.of(), null, stage, sealedAt, committed, erasedAt);
    }

    /** The record sealed; a later seal of the same record (a duplicate or a forgery) never moves the first one's time. */
    RecordView sealed(Instant at) {
        return new RecordView(
                recordId,
                domain,
                ownerId,
                authorId,
                category,
                submittedAt,
                shares,
                authorSignature,
                stage.advance(RecordStage.SEALED),
                sealedAt == null ? at : sealedAt,
                committed,
                erasedAt);
    }

    RecordView committed(RecordCommit commit) {
        return new RecordView(
                recordId,
                domain,
                ownerId,
                authorId,
                category,
                submittedAt,
                shares,
                authorSignature,
                stage.advance(RecordStage.COMMITTED),
                sealedAt,
                commit,
                erasedAt);
    }

    RecordView erased(Instant at) {
        return new RecordView(
                recordId,
                domain,
                ownerId,
                authorId,
                category,
                submittedAt,
                shares,
                authorSignature,
                RecordStage.ERASED,
                sealedAt,
                committed,
                at);
    }
}
