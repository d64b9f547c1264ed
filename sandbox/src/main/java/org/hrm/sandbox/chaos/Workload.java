package org.hrm.sandbox.chaos;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.hrm.contracts.Domain;

/** What the load generator sent and the broker acknowledged: the facts the checks hold the platform to. */
final class Workload {
    /** A record the broker acknowledged: the platform owes it one record log on chain (RecordStored or RecordInCalldata). */
    record Accepted(String recordId, Domain domain, String ownerId) {}

    /** An erasure of one record: owes a KeysDestroyed event and a tombstone on chain. */
    record Erasure(String requestId, Domain domain, String recordId) {}

    final Map<String, Accepted> accepted = new ConcurrentHashMap<>();
    /** When each record was handed to the producer ({@link System#nanoTime()}), acknowledged or not. */
    final Map<String, Long> sentAt = new ConcurrentHashMap<>();

    final Map<String, Erasure> erasures = new ConcurrentHashMap<>();
    /** Access request id to its domain: each owes one access decision. */
    final Map<String, Domain> accessRequests = new ConcurrentHashMap<>();

    final AtomicInteger sendsFailed = new AtomicInteger();
    final AtomicInteger grants = new AtomicInteger();
}
