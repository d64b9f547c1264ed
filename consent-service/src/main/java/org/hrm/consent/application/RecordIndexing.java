package org.hrm.consent.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hrm.consent.domain.RecordDomain;
import org.hrm.consent.domain.RecordEntry;

/**
 * Use case: index a batch of submitted records (owner, author, category) in their domains, one bulk insert per
 * domain; the first entry for a record id wins and a different one later is refused.
 */
public final class RecordIndexing {
    private final RecordIndex index;

    public RecordIndexing(RecordIndex index) {
        this.index = index;
    }

    /** One result per entry, in order: empty when indexed (now or already, identically), else the refusal. */
    public List<Optional<String>> index(List<RecordEntry> entries) {
        List<Optional<String>> results = new ArrayList<>(entries.size());
        Map<RecordDomain, Map<String, RecordEntry>> winners = new HashMap<>();
        for (RecordDomain domain : RecordDomain.values()) {
            winners.put(domain, indexDomain(domain, entries));
        }
        for (RecordEntry entry : entries) {
            RecordEntry winner = winners.get(entry.domain()).get(entry.recordId());
            results.add(winner.conflictWith(entry));
        }
        return results;
    }

    /** Indexes the domain's new entries; returns the entry that stands for each record id of the batch. */
    private Map<String, RecordEntry> indexDomain(RecordDomain domain, List<RecordEntry> entries) {
        List<RecordEntry> ofDomain =
                entries.stream().filter(entry -> entry.domain() == domain).toList();
        if (ofDomain.isEmpty()) {
            return Map.of();
        }
        Map<String, RecordEntry> standing = new HashMap<>(index.findAll(
                domain, ofDomain.stream().map(RecordEntry::recordId).toList()));
        List<RecordEntry> fresh = new ArrayList<>();
        for (RecordEntry entry : ofDomain) {
            if (standing.putIfAbsent(entry.recordId(), entry) == null) {
                fresh.add(entry);
            }
        }
        Set<String> lostRaces = index.insertNew(domain, fresh);
        if (!lostRaces.isEmpty()) {
            standing.putAll(index.findAll(domain, lostRaces));
        }
        return standing;
    }
}
