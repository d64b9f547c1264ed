package org.hrm.ledgerwriter.application;

import java.util.List;
import java.util.Map;
import org.hrm.contracts.Domain;
import org.hrm.ledgerwriter.domain.Commit;

/** Publishes RecordCommitted per record and returns only once every one is acknowledged. */
public interface CommitPublisher {
    void publish(Map<Domain, List<Commit>> commits);
}
