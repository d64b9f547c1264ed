package org.hrm.ledgerwriter.application;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hrm.contracts.Domain;
import org.hrm.ledgerwriter.domain.ConsentEntry;

/** The key shares and revocations of one domain within a batch (duplicates once) and where each one stands. */
final class ConsentBatch extends EntryBatch<ConsentEntry> {

    private ConsentBatch(Domain domain, String contract) {
        super(domain, contract);
    }

    static Map<Domain, ConsentBatch> group(List<ConsentWrite> writes, Map<Domain, String> contracts) {
        Map<Domain, ConsentBatch> batches = new EnumMap<>(Domain.class);
        for (ConsentWrite write : writes) {
            batches.computeIfAbsent(write.domain(), domain -> new ConsentBatch(domain, contracts.get(domain)))
                    .add(write.entry().entryId(), write.entry());
        }
        return batches;
    }
}
