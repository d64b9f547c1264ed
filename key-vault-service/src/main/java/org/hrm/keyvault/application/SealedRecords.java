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

    /** Seals under the pseudonym key {@code pseudonymVersion}, which the record's stored key names. */
    SealedRecord seal(Submission submission, byte[] k2, Instant now, int pseudonymVersion) {
        byte[] c2 = outerLayer.seal(k2, submission.recordId(), submission.domain(), submission.innerCiphertext());
        return new SealedRecord(
                submission.recordId(),
                submission.domain(),
                pseudonyms.of(pseudonymVersion, submission.domain(), submission.ownerId()),
                c2,
                submission.shares().stream()
                        .map(share -> new SealedReaderShare(
                                pseudonyms.of(pseudonymVersion, submission.domain(), share.readerId()), share.share()))
                        .toList(),
                submission.authorSignature(),
                now);
    }
}
