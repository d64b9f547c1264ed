package org.hrm.gateway.adapter.web;

import java.time.Instant;
import org.hrm.contracts.Domain;
import org.hrm.contracts.events.KeyShare;
import org.hrm.gateway.application.ReaderShare;
import org.hrm.gateway.application.RecordView;

/**
 * A record's status as the API shows it: stage (pending, sealed, committed, erased), the transaction that committed
 * it, and, for its owner, the owner's own key share (what the portal rewraps to a grantee; only the owner's private
 * key opens it).
 */
record RecordStatusJson(
        String recordId,
        Domain domain,
        String ownerId,
        String authorId,
        String category,
        String status,
        Instant submittedAt,
        Instant sealedAt,
        Instant committedAt,
        String transactionHash,
        Long blockNumber,
        String contractAddress,
        String transactionLink,
        Instant erasedAt,
        KeyShare ownerShare) {

    static RecordStatusJson of(RecordView view, String transactionLinkTemplate, boolean withOwnerShare) {
        var committed = view.committed();
        String hash = committed == null ? null : committed.transactionHash();
        String link = hash == null || transactionLinkTemplate.isBlank()
                ? null
                : transactionLinkTemplate.replace("{hash}", hash);
        return new RecordStatusJson(
                view.recordId(),
                view.domain(),
                view.ownerId(),
                view.authorId(),
                view.category(),
                view.stage().name().toLowerCase(java.util.Locale.ROOT),
                view.submittedAt(),
                view.sealedAt(),
                committed == null ? null : committed.committedAt(),
                hash,
                committed == null ? null : committed.blockNumber(),
                committed == null ? null : committed.contractAddress(),
                link,
                view.erasedAt(),
                withOwnerShare ? keyShare(view.shareOf(view.ownerId())) : null);
    }

    /** A share of the view as the submission carried it. */
    static KeyShare keyShare(ReaderShare share) {
        return share == null ? null : new KeyShare(share.readerId(), share.share());
    }
}
