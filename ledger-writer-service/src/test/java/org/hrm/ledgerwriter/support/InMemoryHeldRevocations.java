package org.hrm.ledgerwriter.support;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hrm.contracts.Domain;
import org.hrm.ledgerwriter.application.HeldRevocation;
import org.hrm.ledgerwriter.application.HeldRevocations;

/** Held revocations in a map, which outlives the use case and handler built on it, as the database outlives a run. */
public final class InMemoryHeldRevocations implements HeldRevocations {
    private final Map<String, HeldRevocation> held = new LinkedHashMap<>();

    @Override
    public void hold(HeldRevocation revocation) {
        held.putIfAbsent(revocation.id(), revocation);
    }

    @Override
    public List<HeldRevocation> naming(Domain domain, Collection<String> grantIds) {
        return held.values().stream()
                .filter(revocation -> revocation.domain() == domain && grantIds.contains(revocation.grantId()))
                .toList();
    }

    @Override
    public List<HeldRevocation> seenBy(Instant cutoff) {
        return held.values().stream()
                .filter(revocation -> !revocation.firstSeen().isAfter(cutoff))
                .sorted(Comparator.comparing(HeldRevocation::firstSeen))
                .toList();
    }

    @Override
    public void forget(HeldRevocation revocation) {
        held.remove(revocation.id());
    }

    public List<HeldRevocation> all() {
        return List.copyOf(held.values());
    }
}
