package org.hrm.ledgerwriter.application;

import java.util.HashMap;
import java.util.Map;
import org.hrm.contracts.Domain;
import org.hrm.ledgerwriter.domain.AuditRoot;
import org.hrm.ledgerwriter.domain.Commit;

/** The audit roots of one domain within a batch (a root named twice once) and where each one stands. */
final class AnchorBatch extends EntryBatch<AuditRoot> {

    AnchorBatch(Domain domain, String contract) {
        super(domain, contract);
    }

    /** The log of each of this batch's roots: committed before, or just confirmed. */
    Map<String, Commit> anchors() {
        Map<String, Commit> anchors = new HashMap<>();
        alreadyCommitted().forEach(commit -> anchors.put(commit.entryId(), commit));
        confirmedOfThisBatch().forEach(commit -> anchors.put(commit.entryId(), commit));
        return anchors;
    }
}
