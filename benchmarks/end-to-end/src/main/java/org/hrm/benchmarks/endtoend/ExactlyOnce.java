package org.hrm.benchmarks.endtoend;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The verdict of comparing the record ids the bench submitted with the record ids found in whole records' logs on
 * chain (RecordStored or RecordInCalldata): each expected id must appear exactly once, and nothing else may appear.
 */
record ExactlyOnce(int expected, int found, List<String> missing, List<String> duplicated, List<String> unexpected) {

    static ExactlyOnce check(Collection<String> expectedIds, Collection<String> onChainIds) {
        Set<String> expected = new LinkedHashSet<>(expectedIds);
        Map<String, Integer> seen = new HashMap<>();
        onChainIds.forEach(id -> seen.merge(id, 1, Integer::sum));
        List<String> missing =
                expected.stream().filter(id -> !seen.containsKey(id)).toList();
        List<String> duplicated = seen.entrySet().stream()
                .filter(entry -> entry.getValue() > 1)
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        List<String> unexpected = seen.keySet().stream()
                .filter(id -> !expected.contains(id))
                .sorted()
                .toList();
        return new ExactlyOnce(expected.size(), onChainIds.size(), missing, duplicated, unexpected);
    }

    boolean holds() {
        return missing.isEmpty() && duplicated.isEmpty() && unexpected.isEmpty();
    }

    /** What went wrong, with a few ids of each kind. */
    String describe() {
        return "expected " + expected + " records once each, found " + found + " record logs: "
                + missing.size() + " missing " + sample(missing) + ", " + duplicated.size() + " duplicated "
                + sample(duplicated) + ", " + unexpected.size() + " unexpected " + sample(unexpected);
    }

    private static List<String> sample(List<String> ids) {
        return ids.subList(0, Math.min(3, ids.size()));
    }
}
