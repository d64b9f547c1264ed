package org.hrm.contracts.audit;

import java.time.Instant;
import java.util.List;
import org.hrm.contracts.events.AuditEvent;

/**
 * A patient's exported access history: every anchored audit event on the patient, with its per-patient sequence
 * number and the proof that its leaf is in a tree whose root is on chain. {@code unanchored} counts the events too
 * recent to be anchored yet, left out (they cannot be checked).
 */
public record AccessHistoryExport(String patientId, Instant exportedAt, List<Entry> entries, int unanchored) {
    public AccessHistoryExport {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    /** One audit event as anchored: where it came from, its sequence number, the event and its proof. */
    public record Entry(String source, long sequence, AuditEvent event, Proof proof) {}

    /**
     * Where the event's leaf sits: the tree's root and size, the leaf index, the sibling hashes from leaf to root
     * (hex), and the transaction and contract that anchored the root.
     */
    public record Proof(
            String root,
            int leaves,
            int leafIndex,
            List<String> siblings,
            String contractAddress,
            String transactionHash,
            long blockNumber) {
        public Proof {
            siblings = siblings == null ? List.of() : List.copyOf(siblings);
        }
    }
}
