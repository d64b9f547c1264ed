package org.hrm.ledgerwriter.application;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hrm.contracts.Domain;
import org.hrm.contracts.audit.MerkleTree;
import org.hrm.ledgerwriter.domain.AuditRoot;

/** One audit batch's Merkle tree: its root, its leaf hashes in order, and the claim behind each leaf. */
public record AuditTree(String root, Domain domain, List<String> leafHashes, List<AuditClaim> claims) {
    public AuditTree {
        leafHashes = List.copyOf(leafHashes);
        claims = List.copyOf(claims);
    }

    /** The tree over these claims, ordered by patient and sequence so a patient's events sit side by side. */
    static AuditTree of(Domain domain, List<AuditClaim> claims) {
        List<AuditClaim> ordered = new ArrayList<>(claims);
        ordered.sort(Comparator.comparing((AuditClaim claim) -> String.valueOf(claim.patientId()))
                .thenComparingLong(AuditClaim::sequence)
                .thenComparing(AuditClaim::eventId));
        List<String> leaves = ordered.stream().map(AuditClaim::leafHash).toList();
        String root = MerkleTree.hex(
                MerkleTree.root(leaves.stream().map(MerkleTree::unhex).toList()));
        List<AuditClaim> rooted = ordered.stream()
                .map(claim -> new AuditClaim(
                        claim.eventId(), claim.source(), claim.patientId(), claim.sequence(), claim.leafHash(), root))
                .toList();
        return new AuditTree(root, domain, leaves, rooted);
    }

    AuditRoot anchor() {
        return new AuditRoot(root, leafHashes.size());
    }
}
