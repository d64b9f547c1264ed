/**
 * {@code ./hrm bench}: store throughput, commit latency and fetch latency of the whole pipeline, against the naive
 * one-transaction-per-record path on the same chain, with an on-chain exactly-once check before anything is
 * reported.
 */
package org.hrm.benchmarks.endtoend;
