package org.hrm.sandbox.chaos;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hrm.contracts.events.AccessDecided;
import org.hrm.contracts.events.KeysDestroyed;

/** The figures of one chaos run and whether every check held; {@link #toMap()} is the JSON line. */
public final class ChaosSummary {
    private final long seed;
    private final Workload workload;
    private final List<String> validAfterBadInput = new ArrayList<>();
    private Map<String, Integer> faults = Map.of();
    private List<BadInputs.Probe> probes = List.of();
    private Map<BadInputs.Probe, String> reasons = Map.of();
    private ChainAudit.Counts chain = new ChainAudit.Counts(Map.of(), Map.of());
    private Map<String, List<KeysDestroyed>> keysDestroyed = Map.of();
    private Map<String, List<AccessDecided>> decisions = Map.of();
    private List<String> servicesDown = List.of();
    private List<Forgery.Outcome> forgeries = List.of();
    private final Map<String, String> phasesFailed = new LinkedHashMap<>();
    private long seconds;
    private double offeredRate;
    private int faultRounds = 1;
    private int brokers = 1;
    private CommitLatencies commits;

    ChaosSummary(long seed, Workload workload) {
        this.seed = seed;
        this.workload = workload;
    }

    /** What the run was asked for: records per second offered, rounds of every fault kind, and its brokers. */
    void load(double offeredRate, int faultRounds, int brokers) {
        this.offeredRate = offeredRate;
        this.faultRounds = faultRounds;
        this.brokers = brokers;
    }

    void faults(Map<String, Integer> injected) {
        this.faults = injected;
    }

    void commits(CommitLatencies latencies) {
        this.commits = latencies;
    }

    public int faultRounds() {
        return faultRounds;
    }

    public int brokers() {
        return brokers;
    }

    /** Whether every fault kind was injected exactly once per round. */
    public boolean everyFaultKindEveryRound() {
        return faults.size() == FaultInjector.Kind.values().length
                && faults.values().stream().allMatch(count -> count == faultRounds);
    }

    /** p99 commit latency of the records sent while a fault was in progress, ms; -1 when none or not measured. */
    public double commitP99MsDuringFaults() {
        return commits == null ? -1 : commits.p99MsDuringFaults();
    }

    void probes(List<BadInputs.Probe> tried, Map<BadInputs.Probe, String> answered) {
        this.probes = tried;
        this.reasons = answered;
    }

    void validAfterBadInput(String recordId) {
        validAfterBadInput.add(recordId);
    }

    void forgeries(List<Forgery.Outcome> outcomes) {
        this.forgeries = List.copyOf(outcomes);
    }

    void chain(ChainAudit.Counts counts) {
        this.chain = counts;
    }

    void topics(TopicAudit audit) {
        this.keysDestroyed = audit.keysDestroyed();
        this.decisions = audit.decisions();
    }

    /**
     * A phase that could not finish (its fixture never committed, a probe could not be sent): the run goes on to its
     * checks and its JSON, and does not pass.
     */
    void phaseFailed(String phase, String why) {
        phasesFailed.put(phase, why);
    }

    void servicesDown(List<String> down) {
        this.servicesDown = down;
    }

    void seconds(long elapsed) {
        this.seconds = elapsed;
    }

    public int recordsAccepted() {
        return workload.accepted.size();
    }

    public long lost() {
        return workload.accepted.size() - committed();
    }

    public int duplicatesOnChain() {
        return chain.duplicates();
    }

    public int faultsInjected() {
        return faults.values().stream().mapToInt(Integer::intValue).sum();
    }

    public Map<String, Integer> faultsByKind() {
        return faults;
    }

    public int badInputsTried() {
        return probes.size();
    }

    public long badInputsRejected() {
        return probes.stream().filter(this::rejected).count();
    }

    public long erasuresIncomplete() {
        return workload.erasures.values().stream()
                .filter(erasure -> !erased(erasure))
                .count();
    }

    public long decisionsNotMadeOnce() {
        return workload.accessRequests.keySet().stream()
                .filter(id -> !TopicAudit.decidedOnce(decisions.getOrDefault(id, List.of())))
                .count();
    }

    public int forgeriesTried() {
        return forgeries.size();
    }

    /** Forgeries the broker took from the stolen login they were published with: must be all of them. */
    public long forgeriesAcceptedByBroker() {
        return forgeries.stream().filter(Forgery.Outcome::acceptedByBroker).count();
    }

    /** Forgeries the broker accepted and every consumer (or the client) then refused, changing nothing. */
    public long forgeriesRefused() {
        return forgeries.stream().filter(Forgery.Outcome::refused).count();
    }

    /** Ledger logs naming a forged or targeted id, written after the forgery phase began: must be 0. */
    public int chainWritesFromForgeries() {
        return forgeries.stream().mapToInt(Forgery.Outcome::chainWrites).sum();
    }

    /** For every forgery kind, in the phase's order: how many were tried and how many refused. */
    public Map<String, Map<String, Integer>> forgeriesByKind() {
        Map<String, Map<String, Integer>> byKind = new LinkedHashMap<>();
        ForgeryPhase.KINDS.forEach(kind -> byKind.put(kind, new LinkedHashMap<>(Map.of("tried", 0, "refused", 0))));
        forgeries.forEach(outcome -> {
            Map<String, Integer> counts = byKind.computeIfAbsent(
                    outcome.forgery().kind(), kind -> new LinkedHashMap<>(Map.of("tried", 0, "refused", 0)));
            counts.merge("tried", 1, Integer::sum);
            counts.merge("refused", outcome.refused() ? 1 : 0, Integer::sum);
        });
        return byKind;
    }

    /**
     * Whether every forgery kind was tried and every forgery accepted by the broker and then refused, with nothing
     * written on chain.
     */
    public boolean forgeriesAllRefused() {
        return forgeriesByKind().values().stream().allMatch(counts -> counts.get("tried") > 0)
                && forgeriesRefused() == forgeriesTried()
                && chainWritesFromForgeries() == 0;
    }

    /** How each forgery was answered, for the progress lines. */
    public List<String> forgeryReport() {
        return forgeries.stream().map(Forgery.Outcome::report).toList();
    }

    /**
     * Every check of the issue: nothing lost or written twice, every fault kind in every round, every bad input rejected, every
     * forgery refused with nothing written on chain, and every phase run to its end.
     */
    public boolean passed() {
        return phasesFailed.isEmpty()
                && lost() == 0
                && duplicatesOnChain() == 0
                && everyFaultKindEveryRound()
                && badInputsRejected() == badInputsTried()
                && erasuresIncomplete() == 0
                && decisionsNotMadeOnce() == 0
                && forgeriesAllRefused()
                && servicesDown.isEmpty()
                && validCommitted() == validAfterBadInput.size();
    }

    /** How each probe was answered, for the progress lines. */
    public List<String> probeReport() {
        return probes.stream()
                .map(probe -> (rejected(probe) ? "rejected " : "NOT REJECTED ") + probe.kind() + " on " + probe.topic()
                        + ": " + reason(probe))
                .toList();
    }

    private String reason(BadInputs.Probe probe) {
        if (probe.expected() == BadInputs.Expected.WRITTEN_ONCE) {
            return "record logs (RecordStored or RecordInCalldata) of the record: " + chain.storedOf(probe.match());
        }
        return reasons.getOrDefault(probe, "(no answer)");
    }

    private boolean rejected(BadInputs.Probe probe) {
        return probe.expected() == BadInputs.Expected.WRITTEN_ONCE
                ? chain.storedOf(probe.match()) == 1
                : reasons.containsKey(probe);
    }

    private boolean erased(Workload.Erasure erasure) {
        return keysDestroyed.containsKey(erasure.requestId()) && chain.erasedOf(erasure.recordId()) == 1;
    }

    private long committed() {
        return workload.accepted.keySet().stream()
                .filter(id -> chain.storedOf(id) > 0)
                .count();
    }

    private long validCommitted() {
        return validAfterBadInput.stream().filter(id -> chain.storedOf(id) == 1).count();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("seed", seed);
        summary.put("recordsAccepted", recordsAccepted());
        summary.put("recordsCommitted", committed());
        summary.put("duplicatesOnChain", duplicatesOnChain());
        summary.put("lost", lost());
        summary.put("sendsRefused", workload.sendsFailed.get());
        summary.put("grants", workload.grants.get());
        summary.put("erasuresRequested", workload.erasures.size());
        summary.put("erasuresCompleted", workload.erasures.size() - erasuresIncomplete());
        summary.put("accessRequests", workload.accessRequests.size());
        summary.put("accessDecidedOnce", workload.accessRequests.size() - decisionsNotMadeOnce());
        summary.put("offeredRate", offeredRate);
        summary.put("brokers", brokers);
        summary.put("faultRounds", faultRounds);
        summary.put("faultsInjected", faultsInjected());
        summary.put("faultsByKind", faults);
        summary.put("commitP99Ms", commits == null ? -1 : commits.p99Ms());
        summary.put("commitP99MsDuringFaults", commitP99MsDuringFaults());
        summary.put("committedDuringFaults", commits == null ? 0 : commits.committedDuringFaults());
        summary.put("badInputsTried", badInputsTried());
        summary.put("badInputsRejected", badInputsRejected());
        summary.put("badInputsByKind", byKind());
        summary.put("forgeriesTried", forgeriesTried());
        summary.put("forgeriesAcceptedByBroker", forgeriesAcceptedByBroker());
        summary.put("forgeriesRefused", forgeriesRefused());
        summary.put("forgeriesByKind", forgeriesByKind());
        summary.put("chainWritesFromForgeries", chainWritesFromForgeries());
        summary.put("validRecordsAfterBadInput", validCommitted() + "/" + validAfterBadInput.size());
        summary.put("servicesDown", servicesDown);
        summary.put("phasesFailed", phasesFailed);
        summary.put("seconds", seconds);
        summary.put("passed", passed());
        return summary;
    }

    private Map<String, String> byKind() {
        Map<String, int[]> counts = new TreeMap<>();
        probes.forEach(probe -> {
            int[] count = counts.computeIfAbsent(probe.kind(), kind -> new int[2]);
            count[0] += rejected(probe) ? 1 : 0;
            count[1]++;
        });
        Map<String, String> byKind = new LinkedHashMap<>();
        counts.forEach((kind, count) -> byKind.put(kind, count[0] + "/" + count[1]));
        return byKind;
    }
}
