package org.hrm.ledgerwriter.application;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hrm.contracts.Domain;
import org.hrm.ledgerwriter.domain.Commit;
import org.hrm.ledgerwriter.domain.RecordTombstone;

/** The tombstones of one domain within a batch of erasures (a record named twice once) and where each one stands. */
final class TombstoneBatch extends EntryBatch<RecordTombstone> {

    private TombstoneBatch(Domain domain, String contract) {
        super(domain, contract);
    }

    /** A batch per domain of the requests, also for requests without records (they still get their event). */
    static Map<Domain, TombstoneBatch> group(List<ErasureRequest> requests, Map<Domain, String> contracts) {
        Map<Domain, TombstoneBatch> batches = new EnumMap<>(Domain.class);
        for (ErasureRequest request : requests) {
            TombstoneBatch batch = batches.computeIfAbsent(
                    request.domain(), domain -> new TombstoneBatch(domain, contracts.get(domain)));
            request.tombstones().forEach(tombstone -> batch.add(tombstone.recordId(), tombstone));
        }
        return batches;
    }

    /** Once confirmed: the request with the tombstone of each of its records, found committed or just confirmed. */
    CommittedErasure committed(ErasureRequest request, Map<String, Commit> tombstones) {
        List<Commit> commits = request.recordIds().stream()
                .map(recordId -> {
                    Commit tombstone = tombstones.get(recordId);
                    if (tombstone == null) {
                        throw new LedgerWriteException("no confirmed tombstone for a record of " + request.requestId());
                    }
                    return tombstone;
                })
                .toList();
        return CommittedErasure.of(request, contract(), commits);
    }

    /** The tombstones of this batch's records by record id: committed before, or just confirmed. */
    Map<String, Commit> tombstones() {
        Map<String, Commit> tombstones = new HashMap<>();
        alreadyCommitted().forEach(commit -> tombstones.put(commit.entryId(), commit));
        confirmedOfThisBatch().forEach(commit -> tombstones.put(commit.entryId(), commit));
        return tombstones;
    }
}
