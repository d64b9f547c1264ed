package org.hrm.gateway.adapter.web;

import org.hrm.gateway.application.RecordBook;
import org.hrm.gateway.application.RecordView;
import org.hrm.gateway.domain.AccessRefused;

/** Finds the records a request names: 404 when the gateway has not seen the submission, 403 for another owner's. */
final class RecordLookups {
    private RecordLookups() {}

    static RecordView known(RecordBook records, String recordId) {
        return records.find(recordId)
                .filter(RecordView::submissionKnown)
                .orElseThrow(() -> ApiProblem.notFound("no record " + recordId + " is known to the gateway"));
    }

    /**
     * A record the gateway saw on any record topic, its submission known or not: a restarted gateway's view lacks the
     * submissions record-submitted no longer holds, and a fetch takes provenance from the vault's release.
     */
    static RecordView seen(RecordBook records, String recordId) {
        return records.find(recordId)
                .orElseThrow(() -> ApiProblem.notFound("no record " + recordId + " is known to the gateway"));
    }

    static RecordView owned(RecordBook records, String recordId, String ownerId) {
        RecordView view = known(records, recordId);
        if (!view.ownerId().equals(ownerId)) {
            throw new AccessRefused("record " + recordId + " is not owned by " + ownerId);
        }
        return view;
    }
}
