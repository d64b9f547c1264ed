package org.hrm.ledgerwriter.application;

import java.util.List;
import org.hrm.ledgerwriter.domain.Commit;

/** Publishes each anchored audit tree with its AuditAnchored log, once confirmed; returns once acknowledged. */
public interface AuditAnchorPublisher {
    void publish(List<AnchoredTree> anchored);

    /** A tree and the confirmed log that anchors its root. */
    record AnchoredTree(AuditTree tree, Commit commit) {}
}
