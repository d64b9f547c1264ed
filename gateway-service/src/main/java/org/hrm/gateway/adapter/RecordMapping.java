package org.hrm.gateway.adapter;

import org.hrm.contracts.events.RecordCommitted;
import org.hrm.contracts.events.RecordSealed;
import org.hrm.contracts.events.RecordSubmitted;
import org.hrm.contracts.events.SealedShare;
import org.hrm.gateway.application.ReaderShare;
import org.hrm.gateway.application.RecordBook;
import org.hrm.gateway.application.RecordCommit;
import org.hrm.gateway.application.Seal;
import org.hrm.gateway.application.Submission;

/**
 * The record topics' events as the gateway's {@link RecordBook} reads them. A submission's provenance bytes (what the
 * author's signature covers) are computed here from the event itself, so the book verifies the signature over exactly
 * what was signed; it keeps no C1.
 *
 * <p>Two adapters read a {@code RecordSubmitted}: the topic reader (adapter.kafka) and the web's submit endpoint, which
 * shows the submission at once. They share this one mapping, so the provenance bytes cannot be computed two ways. It
 * lives in the parent package of the adapters, not in either: adapter code (contract events allowed, per the rule that
 * they are mapped only in adapters) that belongs to no single adapter, so neither adapter calls the other. Opening
 * adapter.kafka to the web instead ({@code adapterMayCall}) would also open the publisher and the reader to it.
 */
public final class RecordMapping {
    private RecordMapping() {}

    public static Submission submission(RecordSubmitted event) {
        byte[] signed;
        try {
            signed = event.signedBytes();
        } catch (IllegalArgumentException e) {
            signed = null; // an unknown envelope version: no provenance to verify
        }
        return new Submission(
                event.recordId(),
                event.domain(),
                event.ownerId(),
                event.authorId(),
                event.category(),
                event.submittedAt(),
                event.shares().stream()
                        .map(share -> new ReaderShare(share.readerId(), share.share()))
                        .toList(),
                event.authorSignature(),
                signed);
    }

    public static Seal seal(RecordSealed event) {
        return new Seal(
                event.recordId(),
                event.domain(),
                event.sealedAt(),
                event.authorSignature(),
                event.shares().stream().map(SealedShare::share).toList());
    }

    public static RecordCommit commit(RecordCommitted event) {
        return new RecordCommit(
                event.recordId(),
                event.domain(),
                event.contractAddress(),
                event.transactionHash(),
                event.blockNumber(),
                event.logIndex(),
                event.committedAt());
    }
}
