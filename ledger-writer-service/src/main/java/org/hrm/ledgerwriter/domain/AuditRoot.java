package org.hrm.ledgerwriter.domain;

/**
 * The root of one audit batch's Merkle tree as it goes on chain, with the tree's leaf count.
 *
 * @param root the root in lower-case hex without prefix, also its entry id in the audit index
 */
public record AuditRoot(String root, int leaves) {
    public AuditRoot {
        if (root == null || !root.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("root must be 32 bytes of lower-case hex");
        }
        if (leaves < 1) {
            throw new IllegalArgumentException("a tree has at least one leaf");
        }
    }
}
