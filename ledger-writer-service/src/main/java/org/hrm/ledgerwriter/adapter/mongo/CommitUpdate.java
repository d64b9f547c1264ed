package org.hrm.ledgerwriter.adapter.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.conversions.Bson;
import org.hrm.ledgerwriter.domain.Commit;

/**
 * One transaction's commit as one update of its entries: the entries indexed as pending in that transaction share
 * its contract, block and commit time (one receipt), and each one's log index is its position in the transaction plus
 * one base (one log per entry, in the transaction's order), so an entry keeps {@code position} from its pending
 * document and gains the transaction's {@code logIndexBase}. The filter is the entry ids alone, the one shape the
 * MongoDB-wire server answers from its {@code _id} index rather than by scanning the collection.
 *
 * @param entryIds the entries the update commits; the commit's other entries need their whole document
 */
record CommitUpdate(Bson filter, Bson update, Set<String> entryIds) {

    /**
     * The update of one transaction's commits, given the position of each of its entries indexed under that
     * transaction; empty when no entry has one or the log indexes do not follow the positions.
     */
    static Optional<CommitUpdate> of(List<Commit> commits, Map<String, Integer> positions) {
        if (commits.isEmpty()) {
            return Optional.empty();
        }
        Commit first = commits.get(0);
        Integer base = null;
        Set<String> ids = new LinkedHashSet<>();
        for (Commit commit : commits) {
            Integer position = positions.get(commit.entryId());
            if (position == null) {
                continue;
            }
            int offset = commit.logIndex() - position;
            if (!sameReceipt(first, commit) || (base != null && base != offset)) {
                return Optional.empty();
            }
            base = offset;
            ids.add(commit.entryId());
        }
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        Bson update = Updates.combine(
                Updates.set("state", IndexDocuments.COMMITTED),
                Updates.set("contract", first.contractAddress()),
                Updates.set("blockNumber", first.blockNumber()),
                Updates.set(IndexDocuments.LOG_INDEX_BASE, base),
                Updates.set("committedAt", Date.from(first.committedAt())),
                Updates.set("updatedAt", new Date()),
                Updates.unset(IndexDocuments.LOG_INDEX),
                Updates.unset("nonce"));
        return Optional.of(new CommitUpdate(Filters.in("_id", ids), update, ids));
    }

    private static boolean sameReceipt(Commit first, Commit commit) {
        return first.transactionHash().equals(commit.transactionHash())
                && first.contractAddress().equals(commit.contractAddress())
                && first.blockNumber() == commit.blockNumber()
                && first.committedAt().equals(commit.committedAt());
    }
}
