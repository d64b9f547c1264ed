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

    /** The patient's anchored events in sequence order, each with its proof; the others are only counted. */
    public static AccessHistoryExport of(
            String patientId, List<AuditEvent> events, List<AuditAnchored> anchors, Instant now) {
        Map<String, Place> places = new HashMap<>();
        for (AuditAnchored anchor : anchors) {
            for (AuditAnchored.Entry entry : anchor.entries()) {
                if (patientId.equals(entry.patientId())) {
                    places.put(entry.eventId(), new Place(anchor, entry));
                }
            }
        }
        List<AccessHistoryExport.Entry> entries = new ArrayList<>();
        int unanchored = 0;
        for (AuditEvent event : events) {
            Place place = places.get(event.id());
            if (place == null) {
                unanchored++;
            } else {
                entries.add(new AccessHistoryExport.Entry(
                        place.entry().source(), place.entry().sequence(), event, place.proof()));
            }
        }
        entries.sort(Comparator.comparingLong(AccessHistoryExport.Entry::sequence));
        return new AccessHistoryExport(patientId, now, entries, unanchored);
    }

    private record Place(AuditAnchored anchor, AuditAnchored.Entry entry) {
        AccessHistoryExport.Proof proof() {
            List<byte[]> leaves =
                    anchor.leafHashes().stream().map(MerkleTree::unhex).toList();
            List<String> siblings = MerkleTree.path(leaves, entry.leafIndex()).stream()
                    .map(MerkleTree::hex)
                    .toList();
            return new AccessHistoryExport.Proof(
                    anchor.root(),
                    leaves.size(),
                    entry.leafIndex(),
                    siblings,
                    anchor.contractAddress(),
                    anchor.transactionHash(),
                    anchor.blockNumber());
        }
    }
}
