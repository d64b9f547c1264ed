package org.hrm.edge.adapter.web;

import java.time.Instant;
import java.util.List;
import org.hrm.edge.application.TrackRecords;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /edge/records} and {@code /edge/records/{id}}: each record this edge submitted with its status
 * (SUBMITTED, SEALED, COMMITTED, ERASED) and where to read it back as FHIR.
 */
@RestController
class RecordStatusController {
    private final TrackRecords tracking;

    RecordStatusController(TrackRecords tracking) {
        this.tracking = tracking;
    }

    /** One record's status as the edge reports it. */
    record RecordStatusView(
            String recordId,
            String category,
            String ownerId,
            String domain,
            String status,
            Instant submittedAt,
            String fhir) {
        static RecordStatusView of(TrackRecords.Tracked tracked) {
            var record = tracked.record();
            return new RecordStatusView(
                    record.recordId(),
                    record.category(),
                    record.owner().ownerId(),
                    record.owner().domain().id(),
                    tracked.status().name(),
                    record.submittedAt(),
                    "/fhir/" + record.category() + "/" + record.recordId());
        }
    }

    @GetMapping("/edge/records")
    List<RecordStatusView> all() {
        return tracking.statuses().stream().map(RecordStatusView::of).toList();
    }

    @GetMapping("/edge/records/{recordId}")
    ResponseEntity<RecordStatusView> one(@PathVariable String recordId) {
        return tracking.status(recordId)
                .map(RecordStatusView::of)
                .map(ResponseEntity::ok)
                .orElse(ResponseEntity.notFound().build());
    }
}
