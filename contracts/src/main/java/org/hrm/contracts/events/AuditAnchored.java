package org.hrm.contracts.events;

import java.time.Instant;
import java.util.List;
import org.hrm.contracts.Domain;

/**
 * A batch of audit events is anchored: the root of their Merkle tree (RFC 6962 over
 * {@link org.hrm.contracts.audit.AuditLeaf}) is in a confirmed AuditAnchored log of the domain's ledger contract.
 * Carries every leaf hash, so whoever holds one of the events can build its proof, and each event's place: its
 * source topic, patient, per-patient sequence number (assigned by the ledger writer, the one anchorer) and leaf index.
 */
public record AuditAnchored(
        String root,
        Domain domain,
        String contractAddress,
        String transactionHash,
        long blockNumber,
        int logIndex,
        Instant anchoredAt,
        List<String> leafHashes,
        List<Entry> entries) {

    public AuditAnchored {
        Require.text(root, "root");
        Require.present(domain, "domain");
        Require.text(contractAddress, "contractAddress");
        Require.text(transactionHash, "transactionHash");
        Require.present(anchoredAt, "anchoredAt");
        leafHashes = List.copyOf(Require.nonEmpty(leafHashes, "leafHashes"));
        entries = List.copyOf(Require.nonEmpty(entries, "entries"));
    }

    /** One anchored audit event: its id, source topic, patient, per-patient sequence number and leaf index. */
    public record Entry(String eventId, String source, String patientId, long sequence, int leafIndex) {
        public Entry {
            Require.text(eventId, "entries[].eventId");
            Require.text(source, "entries[].source");
        }
    }
}
