package org.hrm.ledgerwriter.application;

import java.util.List;

/** Publishes ErasureCommitted per erasure and returns only once every one is acknowledged. */
public interface ErasurePublisher {
    void publish(List<CommittedErasure> erasures);
}
