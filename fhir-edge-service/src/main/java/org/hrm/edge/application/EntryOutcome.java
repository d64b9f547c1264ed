package org.hrm.edge.application;

import java.util.List;
import org.hrm.edge.domain.Problem;
import org.hrm.edge.domain.SubmittedRecord;

/** What became of one batch entry: submitted, or refused for these problems (exactly one is set). */
public record EntryOutcome(SubmittedRecord submitted, List<Problem> problems) {
    public boolean accepted() {
        return submitted != null;
    }
}
