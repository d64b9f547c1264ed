package org.hrm.ledgerwriter.application;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hrm.contracts.Domain;
import org.hrm.ledgerwriter.domain.Commit;
import org.hrm.ledgerwriter.domain.LedgerRecord;

/** The records of one domain within a batch (duplicates once) and where each one stands. */
final class DomainBatch extends EntryBatch<LedgerRecord> {

    private DomainBatch(Domain domain, String contract) {
        super(domain, contract);
    }

    static Map<Domain, DomainBatch> group(List<SealedRecord> sealed, Map<Domain, String> contracts) {
        Map<Domain, DomainBatch> batches = new EnumMap<>(Domain.class);
        for (SealedRecord each : sealed) {
            batches.computeIfAbsent(each.domain(), domain -> new DomainBatch(domain, contracts.get(domain)))
                    .add(each.record().recordId(), each.record());
        }
        return batches;
    }

    byte[] pseudonymOf(String recordId) {
        return entry(recordId).ownerPseudonym();
    }

    /** One commit per record of this batch: the ones found committed and the ones just confirmed. */
    List<Commit> toPublish() {
        List<Commit> publish = new ArrayList<>(alreadyCommitted());
        publish.addAll(confirmedOfThisBatch());
        return publish;
    }
}
