package org.hrm.keyvault.application;

import java.time.Instant;
import org.hrm.keyvault.domain.OuterLayer;
import org.hrm.keyvault.domain.Pseudonyms;
import org.hrm.keyvault.domain.SealedReaderShare;
import org.hrm.keyvault.domain.SealedRecord;
import org.hrm.keyvault.domain.Submission;

/** Builds what goes on chain from a submission and its K2: C2 and pseudonyms in place of people. */
final class SealedRecords {
    private final OuterLayer outerLayer;
    private final Pseudonyms pseudonyms;

    SealedRecords(OuterLayer outerLayer, Pseudonyms pseudonyms) {
        this.outerLayer = outerLayer;
        this.pseudonyms = pseudonyms;
    }

    SealedRecord seal(Submission submission, byte[] k2, Instant now) {
        byte[] c2 = outerLayer.seal(k2, submission.recordId(), submission.domain(), submission.innerCiphertext());
        return new SealedRecord(
                submission.recordId(),
                submission.domain(),
                pseudonyms.of(submission.domain(), submission.ownerId()),
                c2,
                submission.shares().stream()
                        .map(share -> new SealedReaderShare(
                                pseudonyms.of(submission.domain(), share.readerId()), share.share()))
                        .toList(),
                submission.authorSignature(),
                now);
    }
}
