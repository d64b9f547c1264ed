package org.hrm.ledgerwriter.adapter.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.conversions.Bson;
import org.hrm.ledgerwriter.domain.Commit;

/**
 * One transaction's commit as one update of its pending entries: possible when its entries share the contract, block
 * and commit time (one receipt) and each entry's log index is its position in the transaction plus one base (one log
 * per entry, in the transaction's order), so an entry keeps {@code position} from its pending document and gains the
 * transaction's {@code logIndexBase}.
 *
 * @param entries how many distinct entries the update must match; fewer means some were not pending in this
 *     transaction
 */
record CommitUpdate(Bson filter, Bson update, int entries) {

    /** The update of one transaction's commits, or empty when the data does not allow one. */
    static Optional<CommitUpdate> of(List<Commit> commits, List<String> entryOrder) {
        if (commits.isEmpty() || entryOrder == null) {
            return Optional.empty();
        }
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < entryOrder.size(); i++) {
            positions.putIfAbsent(entryOrder.get(i), i);
        }
        Commit first = commits.get(0);
        Integer base = null;
        for (Commit commit : commits) {
            Integer position = positions.get(commit.entryId());
            if (position == null || !sameReceipt(first, commit)) {
                return Optional.empty();
            }
            int offset = commit.logIndex() - position;
            if (base != null && base != offset) {
                return Optional.empty();
            }
            base = offset;
        }
        List<String> ids = commits.stream().map(Commit::entryId).distinct().toList();
        Bson filter = Filters.and(
                Filters.in("_id", ids),
                Filters.eq("txHash", first.transactionHash()),
                Filters.exists(IndexDocuments.POSITION));
        Bson update = Updates.combine(
                Updates.set("state", IndexDocuments.COMMITTED),
                Updates.set("contract", first.contractAddress()),
                Updates.set("blockNumber", first.blockNumber()),
                Updates.set(IndexDocuments.LOG_INDEX_BASE, base),
                Updates.set("committedAt", Date.from(first.committedAt())),
                Updates.set("updatedAt", new Date()),
                Updates.unset(IndexDocuments.LOG_INDEX),
                Updates.unset("nonce"));
        return Optional.of(new CommitUpdate(filter, update, ids.size()));
    }

    private static boolean sameReceipt(Commit first, Commit commit) {
        return first.transactionHash().equals(commit.transactionHash())
                && first.contractAddress().equals(commit.contractAddress())
                && first.blockNumber() == commit.blockNumber()
                && first.committedAt().equals(commit.committedAt());
    }
}
