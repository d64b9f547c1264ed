package org.hrm.ledgerwriter.domain;

import java.util.ArrayList;
import java.util.List;

/** The audit roots of one {@code anchorAudit} transaction, in order, and its gas limit. */
public record AnchorTransaction(List<AuditRoot> roots, long gasLimit) {
    public AnchorTransaction {
        roots = List.copyOf(roots);
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("a transaction carries at least one root");
        }
    }

    /** The audit index entries it writes: the roots, in call order. */
    public List<String> entryIds() {
        return roots.stream().map(AuditRoot::root).toList();
    }

    /** Packs roots, in order, at most {@code maxRoots} to a transaction (a root costs little and always the same). */
    public static List<AnchorTransaction> pack(List<AuditRoot> roots, int maxRoots, GasModel gas) {
        List<AnchorTransaction> transactions = new ArrayList<>();
        for (int from = 0; from < roots.size(); from += maxRoots) {
            List<AuditRoot> chunk = roots.subList(from, Math.min(roots.size(), from + maxRoots));
            transactions.add(new AnchorTransaction(chunk, gas.anchorGasLimit(chunk.size())));
        }
        return transactions;
    }
}
