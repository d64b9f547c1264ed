package org.hrm.ledgerwriter.application;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An audit index in memory: the entry index of roots plus claims (a patient's number once) and trees. */
class FakeAuditIndex extends FakeIndex implements AuditIndex {
    final Map<String, AuditClaim> claims = new HashMap<>();
    final Map<String, String> claimedNumbers = new HashMap<>();
    final Map<String, AuditTree> trees = new HashMap<>();

    @Override
    public Map<String, AuditClaim> claimsOf(Collection<String> eventIds) {
        Map<String, AuditClaim> found = new HashMap<>();
        eventIds.forEach(id -> Optional.ofNullable(claims.get(id)).ifPresent(claim -> found.put(id, claim)));
        return found;
    }

    @Override
    public long lastSequence(String patientId) {
        return claims.values().stream()
                .filter(claim -> patientId.equals(claim.patientId()))
                .mapToLong(AuditClaim::sequence)
                .max()
                .orElse(0);
    }

    @Override
    public void claim(List<AuditClaim> fresh) {
        for (AuditClaim claim : fresh) {
            if (claim.patientId() != null
                    && claimedNumbers.putIfAbsent(claim.patientId() + "/" + claim.sequence(), claim.eventId())
                            != null) {
                throw new LedgerWriteException("sequence taken");
            }
            claims.put(claim.eventId(), claim);
        }
    }

    @Override
    public void saveTree(AuditTree tree) {
        trees.put(tree.root(), tree);
        tree.claims().forEach(claim -> claims.put(claim.eventId(), claim));
    }

    @Override
    public Optional<AuditTree> tree(String root) {
        return Optional.ofNullable(trees.get(root));
    }
}
