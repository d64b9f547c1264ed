package org.hrm.gateway.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The last hour of every instance's heartbeats, for the ops dashboard: per-minute throughput, lag and dead letters, and
 * which of the conditions the Prometheus rules page on ({@code deploy/prometheus/alerts.yml}) the beats show now. The
 * beats are the only source the gateway has without Prometheus, so each condition is the rule's closest heartbeat
 * equivalent, named after it; Prometheus stays the pager.
 */
public final class OpsHistory {
    static final Duration KEPT = Duration.ofHours(1);
    private static final int MINUTES = 60;
    /** A beat older than this many intervals means the instance is down (HrmServiceDown fires after 1 min). */
    private static final int MISSED_BEATS = 3;

    private static final Duration MIN_DOWN = Duration.ofMinutes(1);
    private static final Duration DEAD_LETTER_WINDOW = Duration.ofMinutes(5);
    private static final Duration LAG_WINDOW = Duration.ofMinutes(10);
    private static final long LAG_THRESHOLD = 100;
    private static final Duration CHAIN_WINDOW = Duration.ofMinutes(5);
    private static final Duration PENDING_WINDOW = Duration.ofMinutes(10);

    private final Map<String, NavigableMap<Instant, Sample>> byInstance = new ConcurrentHashMap<>();

    /** What one beat said, reduced to what the charts and the conditions need. */
    record Sample(
            String service,
            long intervalMillis,
            double processedPerSecond,
            long lag,
            long deadLettersTotal,
            Long chainHead,
            Long pendingTransactions) {}

    void record(String instance, Heartbeat beat) {
        NavigableMap<Instant, Sample> samples =
                byInstance.computeIfAbsent(instance, key -> new ConcurrentSkipListMap<>());
        samples.put(
                beat.at(),
                new Sample(
                        dashboardName(beat.service()),
                        beat.intervalMillis(),
                        beat.throughputPerSecond(),
                        beat.lag(),
                        beat.deadLettersTotal(),
                        beat.ledger() == null ? null : beat.ledger().chainHead(),
                        beat.ledger() == null ? null : beat.ledger().pendingTransactions()));
        samples.headMap(samples.lastKey().minus(KEPT)).clear();
    }

    /** A heartbeat's service as the dashboard names it: {@code KEY_VAULT} is {@code key-vault}. */
    static String dashboardName(String service) {
        return service.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The last hour by minute, oldest first: throughput and lag summed over the instances that beat in that minute (each
     * instance's throughput over all its beats of the minute, its lag at its last beat), and the dead letters that
     * arrived in it.
     */
    public List<OpsSource.Minute> minutes(Clock clock) {
        Instant last = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        List<OpsSource.Minute> minutes = new ArrayList<>(MINUTES);
        for (int i = MINUTES - 1; i >= 0; i--) {
            Instant start = last.minus(Duration.ofMinutes(i));
            Instant end = start.plus(Duration.ofMinutes(1));
            double processed = 0;
            long lag = 0;
            long deadLetters = 0;
            int reporting = 0;
            for (NavigableMap<Instant, Sample> samples : byInstance.values()) {
                Map.Entry<Instant, Sample> inMinute = samples.lowerEntry(end);
                if (inMinute == null || inMinute.getKey().isBefore(start)) {
                    continue;
                }
                reporting++;
                processed += meanRate(samples.subMap(start, true, end, false).values());
                lag += inMinute.getValue().lag();
                Map.Entry<Instant, Sample> before = samples.lowerEntry(start);
                if (before != null) {
                    deadLetters += Math.max(
                            0,
                            inMinute.getValue().deadLettersTotal()
                                    - before.getValue().deadLettersTotal());
                }
            }
            minutes.add(new OpsSource.Minute(start, processed, lag, deadLetters, reporting));
        }
        return minutes;
    }

    /**
     * Events per second over the time the beats cover: a beat says how many it processed in its interval, and with
     * beats every second, the minute's last beat alone would show only that minute's last second.
     */
    private static double meanRate(Collection<Sample> beats) {
        double events = 0;
        long millis = 0;
        for (Sample beat : beats) {
            events += beat.processedPerSecond() * beat.intervalMillis() / 1000.0;
            millis += beat.intervalMillis();
        }
        return millis == 0 ? 0 : events * 1000.0 / millis;
    }

    /** The paging conditions the beats show now, one line each, named after the Prometheus rule they mirror. */
    public List<OpsSource.Attention> attention(Clock clock) {
        Instant now = clock.instant();
        List<OpsSource.Attention> found = new ArrayList<>();
        long lagNow = 0;
        long lagBefore = 0;
        boolean lagWindowCovered = false;
        for (Map.Entry<String, NavigableMap<Instant, Sample>> entry : byInstance.entrySet()) {
            String instance = entry.getKey();
            NavigableMap<Instant, Sample> samples = entry.getValue();
            if (samples.isEmpty()) {
                continue;
            }
            Instant lastBeat = samples.lastKey();
            Sample latest = samples.lastEntry().getValue();
            Duration silence = Duration.between(lastBeat, now);
            Duration downAfter = max(MIN_DOWN, Duration.ofMillis(MISSED_BEATS * latest.intervalMillis()));
            if (silence.compareTo(downAfter) > 0) {
                found.add(new OpsSource.Attention(
                        "HrmServiceDown", instance, "no heartbeat for " + silence.toSeconds() + " s"));
                continue;
            }
            Map.Entry<Instant, Sample> windowStart = samples.floorEntry(now.minus(DEAD_LETTER_WINDOW));
            long before = windowStart == null ? 0 : windowStart.getValue().deadLettersTotal();
            if (latest.deadLettersTotal() > before) {
                found.add(new OpsSource.Attention(
                        "HrmDeadLetters",
                        instance,
                        (latest.deadLettersTotal() - before) + " dead letters in the last "
                                + DEAD_LETTER_WINDOW.toMinutes() + " min"));
            }
            lagNow += latest.lag();
            Map.Entry<Instant, Sample> lagStart = samples.floorEntry(now.minus(LAG_WINDOW));
            if (lagStart != null) {
                lagWindowCovered = true;
                lagBefore += lagStart.getValue().lag();
            }
            if (latest.chainHead() != null) {
                chainConditions(instance, samples, now, found);
            }
        }
        if (lagWindowCovered && lagNow > LAG_THRESHOLD && lagNow > lagBefore) {
            found.add(new OpsSource.Attention(
                    "HrmConsumerLagGrowing",
                    "all services",
                    "lag " + lagNow + ", up from " + lagBefore + " " + LAG_WINDOW.toMinutes() + " min ago"));
        }
        return found;
    }

    private static void chainConditions(
            String instance, NavigableMap<Instant, Sample> samples, Instant now, List<OpsSource.Attention> found) {
        Sample latest = samples.lastEntry().getValue();
        Map.Entry<Instant, Sample> headStart = samples.floorEntry(now.minus(CHAIN_WINDOW));
        if (headStart != null && latest.chainHead().equals(headStart.getValue().chainHead())) {
            found.add(new OpsSource.Attention(
                    "HrmChainHeadNotAdvancing",
                    instance,
                    "chain head " + latest.chainHead() + " for " + CHAIN_WINDOW.toMinutes() + " min"));
        }
        Map.Entry<Instant, Sample> pendingStart = samples.floorEntry(now.minus(PENDING_WINDOW));
        // Under load some transaction is always pending: stuck means pending throughout while nothing was processed.
        boolean stuck = pendingStart != null
                && samples.tailMap(pendingStart.getKey(), true).values().stream()
                        .allMatch(sample -> sample.pendingTransactions() != null
                                && sample.pendingTransactions() > 0
                                && sample.processedPerSecond() == 0);
        if (stuck) {
            found.add(new OpsSource.Attention(
                    "HrmLedgerPendingStuck",
                    instance,
                    latest.pendingTransactions() + " transactions pending and nothing processed for "
                            + PENDING_WINDOW.toMinutes() + " min"));
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
