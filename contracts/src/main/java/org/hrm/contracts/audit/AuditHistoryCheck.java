package org.hrm.contracts.audit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.hrm.contracts.authority.AuditAuthority;

/**
 * Checks an exported access history against the audit roots on chain and names every entry that was changed, dropped
 * or added.
 *
 * <ul>
 *   <li>changed: its proof names a root that is on chain, but its bytes no longer lead to that root;
 *   <li>added: it has no proof, its root is on no ledger contract, or a verified entry already holds its sequence
 *       number;
 *   <li>dropped: a sequence number between the export's first and last that no entry holds (the ledger writer
 *       numbers each patient's events 1, 2, 3... as it anchors them, so a gap is an event taken out);
 *   <li>unsigned (when the producers' keys are given): its producer's signature does not verify. The ledger writer
 *       anchors only events whose producer signed them, so an anchored entry was signed; an auditor who trusts no
 *       writer checks both.
 * </ul>
 */
public final class AuditHistoryCheck {

    /** The roots anchored on chain, as an auditor reads them from a node. */
    @FunctionalInterface
    public interface ChainAnchors {
        /** The AuditAnchored log of this root (hex), if a ledger contract emitted one. */
        Optional<AnchoredRoot> find(String root);
    }

    /** A root as anchored on chain: its tree's leaf count, the contract and the transaction. */
    public record AnchoredRoot(int leaves, String contractAddress, String transactionHash) {}

    /** What is wrong with one entry (or one missing sequence number). */
    public record Finding(Kind kind, long sequence, String eventId, String reason) {}

    public enum Kind {
        CHANGED,
        DROPPED,
        ADDED,
        UNSIGNED
    }

    /** The outcome: how many entries were checked, how many verified, and every finding. */
    public record Report(
            String patientId,
            int entries,
            int verified,
            long firstSequence,
            long lastSequence,
            List<Finding> findings) {
        public boolean intact() {
            return findings.isEmpty();
        }
    }

    private AuditHistoryCheck() {}

    public static Report check(AccessHistoryExport export, ChainAnchors chain) {
        List<Finding> findings = new ArrayList<>();
        Set<Long> verifiedSequences = new HashSet<>();
        List<AccessHistoryExport.Entry> unverified = new ArrayList<>();
        TreeSet<Long> held = new TreeSet<>();
        for (AccessHistoryExport.Entry entry : export.entries()) {
            Optional<String> problem = problem(export.patientId(), entry, chain);
            if (problem.isEmpty() && verifiedSequences.add(entry.sequence())) {
                held.add(entry.sequence());
            } else {
                unverified.add(entry);
            }
        }
        for (AccessHistoryExport.Entry entry : unverified) {
            findings.add(finding(export.patientId(), entry, chain, verifiedSequences));
            held.add(entry.sequence());
        }
        if (!held.isEmpty()) {
            for (long sequence = held.first(); sequence < held.last(); sequence++) {
                if (!held.contains(sequence)) {
                    findings.add(new Finding(Kind.DROPPED, sequence, null, "no entry holds sequence " + sequence));
                }
            }
        }
        findings.sort(java.util.Comparator.comparingLong(Finding::sequence));
        return new Report(
                export.patientId(),
                export.entries().size(),
                verifiedSequences.size(),
                held.isEmpty() ? 0 : held.first(),
                held.isEmpty() ? 0 : held.last(),
                List.copyOf(findings));
    }

    /** {@link #check(AccessHistoryExport, ChainAnchors)}, and each entry's producer signature against {@code producers}. */
    public static Report check(AccessHistoryExport export, ChainAnchors chain, AuditAuthority producers) {
        Report anchored = check(export, chain);
        List<Finding> findings = new ArrayList<>(anchored.findings());
        for (AccessHistoryExport.Entry entry : export.entries()) {
            if (entry.event() != null && entry.source() != null) {
                producers
                        .refusal(entry.source(), entry.event())
                        .ifPresent(reason -> findings.add(new Finding(
                                Kind.UNSIGNED, entry.sequence(), entry.event().id(), reason)));
            }
        }
        findings.sort(java.util.Comparator.comparingLong(Finding::sequence));
        return new Report(
                anchored.patientId(),
                anchored.entries(),
                anchored.verified(),
                anchored.firstSequence(),
                anchored.lastSequence(),
                List.copyOf(findings));
    }

    private static Finding finding(
            String patientId, AccessHistoryExport.Entry entry, ChainAnchors chain, Set<Long> verifiedSequences) {
        String eventId = entry.event() == null ? null : entry.event().id();
        if (verifiedSequences.contains(entry.sequence())) {
            return new Finding(
                    Kind.ADDED,
                    entry.sequence(),
                    eventId,
                    "sequence " + entry.sequence() + " is held by a verified entry");
        }
        String problem = problem(patientId, entry, chain).orElse("a second entry with a verified entry's leaf");
        boolean anchoredRoot = entry.proof() != null
                && entry.proof().root() != null
                && chain.find(entry.proof().root()).isPresent();
        return new Finding(anchoredRoot ? Kind.CHANGED : Kind.ADDED, entry.sequence(), eventId, problem);
    }

    /** Why the entry does not verify, or empty if it does. */
    private static Optional<String> problem(String patientId, AccessHistoryExport.Entry entry, ChainAnchors chain) {
        AccessHistoryExport.Proof proof = entry.proof();
        if (proof == null || proof.root() == null) {
            return Optional.of("no anchor proof");
        }
        Optional<AnchoredRoot> anchored = chain.find(proof.root());
        if (anchored.isEmpty()) {
            return Optional.of("root " + proof.root() + " is anchored on no ledger contract");
        }
        if (anchored.get().leaves() != proof.leaves()) {
            return Optional.of(
                    "the chain's tree has " + anchored.get().leaves() + " leaves, the proof says " + proof.leaves());
        }
        if (entry.event() == null
                || entry.source() == null
                || !patientId.equals(entry.event().patientId())) {
            return Optional.of("not an event on patient " + patientId);
        }
        try {
            byte[] leaf = AuditLeaf.hash(entry.source(), entry.sequence(), entry.event());
            List<byte[]> siblings =
                    proof.siblings().stream().map(MerkleTree::unhex).toList();
            if (!MerkleTree.verify(leaf, proof.leafIndex(), proof.leaves(), siblings, MerkleTree.unhex(proof.root()))) {
                return Optional.of("its bytes do not lead to root " + proof.root());
            }
        } catch (IllegalArgumentException e) {
            return Optional.of("malformed proof: " + e.getMessage());
        }
        return Optional.empty();
    }
}
