package org.hrm.contracts.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hrm.contracts.events.AuditAnchored;
import org.hrm.contracts.events.AuditEvent;

/** Builds a patient's {@link AccessHistoryExport} from the audit events and the AuditAnchored events that hold them. */
public final class AccessHistoryExports {
    private AccessHistoryExports() {}

    /** Where one anchored event sits: its patient, source topic, sequence number and proof. */
    public record Place(String patientId, String source, long sequence, AccessHistoryExport.Proof proof) {}

    /** The place of every event an AuditAnchored holds, by event id (each proof built from the leaf hashes). */
    public static Map<String, Place> places(AuditAnchored anchor) {
        List<byte[]> leaves =
                anchor.leafHashes().stream().map(MerkleTree::unhex).toList();
        Map<String, Place> places = new HashMap<>();
        for (AuditAnchored.Entry entry : anchor.entries()) {
            List<String> siblings = MerkleTree.path(leaves, entry.leafIndex()).stream()
                    .map(MerkleTree::hex)
                    .toList();
            AccessHistoryExport.Proof proof = new AccessHistoryExport.Proof(
                    anchor.root(),
                    leaves.size(),
                    entry.leafIndex(),
                    siblings,
                    anchor.contractAddress(),
                    anchor.transactionHash(),
                    anchor.blockNumber());
            places.put(entry.eventId(), new Place(entry.patientId(), entry.source(), entry.sequence(), proof));
        }
        return places;
    }

    /** The patient's anchored events in sequence order, each with its proof; the others are only counted. */
    public static AccessHistoryExport of(
            String patientId, List<AuditEvent> events, List<AuditAnchored> anchors, Instant now) {
        Map<String, Place> places = new HashMap<>();
        anchors.forEach(anchor -> places.putAll(places(anchor)));
        return of(patientId, events, places, now);
    }

    /** The same, from places already known by event id. */
    public static AccessHistoryExport of(
            String patientId, List<AuditEvent> events, Map<String, Place> places, Instant now) {
        List<AccessHistoryExport.Entry> entries = new ArrayList<>();
        int unanchored = 0;
        for (AuditEvent event : events) {
            Place place = places.get(event.id());
            if (place == null || !patientId.equals(place.patientId())) {
                unanchored++;
            } else {
                entries.add(new AccessHistoryExport.Entry(place.source(), place.sequence(), event, place.proof()));
            }
        }
        entries.sort(Comparator.comparingLong(AccessHistoryExport.Entry::sequence));
        return new AccessHistoryExport(patientId, now, entries, unanchored);
    }
}
