package org.hrm.ledgerwriter.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The audit index: per domain, each anchored root's state (pending in a transaction, or committed; entry id = the
 * root), plus the per-patient sequence claims and the trees built from them.
 */
public interface AuditIndex extends EntryIndex {

    /** The claims of those event ids that have one, by event id. */
    Map<String, AuditClaim> claimsOf(Collection<String> eventIds);

    /** The patient's highest claimed sequence number, 0 if none. */
    long lastSequence(String patientId);

    /** Stores new claims; throws {@link LedgerWriteException} if a patient's sequence number is already claimed. */
    void claim(List<AuditClaim> claims);

    /** Keeps a tree, then marks its claims as in it (a tree whose claims were never marked is never anchored). */
    void saveTree(AuditTree tree);

    Optional<AuditTree> tree(String root);
}
