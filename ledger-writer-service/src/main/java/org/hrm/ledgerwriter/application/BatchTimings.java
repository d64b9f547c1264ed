package org.hrm.ledgerwriter.application;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** Milliseconds spent in each step of one batch, for the log line that tells where the time goes. */
final class BatchTimings {
    private final Map<String, Long> millis = new LinkedHashMap<>();
    private long last = System.nanoTime();

    void lap(String step) {
        long now = System.nanoTime();
        millis.merge(step, (now - last) / 1_000_000, Long::sum);
        last = now;
    }

    @Override
    public String toString() {
        StringJoiner joiner = new StringJoiner(", ");
        millis.forEach((step, ms) -> joiner.add(step + " " + ms + " ms"));
        return joiner.toString();
    }
}
