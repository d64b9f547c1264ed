package org.hrm.edge.application;

import java.util.Optional;
import org.hrm.edge.domain.RecordStatus;
import org.hrm.edge.domain.RecordTracker;
import org.hrm.edge.domain.SubmittedRecord;

/** Status and read-back of the records this edge submitted. */
public final class TrackRecords {
    private final SubmittedRecords submitted;
    private final RecordTracker tracker;

    public TrackRecords(SubmittedRecords submitted, RecordTracker tracker) {
        this.submitted = submitted;
        this.tracker = tracker;
    }

    /** A record's status as the platform's topics tell it. */
    public record Tracked(SubmittedRecord record, RecordStatus status) {}

    public Optional<Tracked> status(String recordId) {
        return submitted.find(recordId).map(record -> new Tracked(record, tracker.statusOf(record)));
    }

    public java.util.List<Tracked> statuses() {
        return submitted.all().stream()
                .map(record -> new Tracked(record, tracker.statusOf(record)))
                .toList();
    }

    /** The record's plaintext if this edge submitted it and the platform releases it to the hospital. */
    public Optional<byte[]> read(String recordId) {
        return submitted.find(recordId).map(tracker::read);
    }

    public SubmittedRecords submitted() {
        return submitted;
    }
}
