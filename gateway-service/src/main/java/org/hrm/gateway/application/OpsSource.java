package org.hrm.gateway.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where the ops dashboard's figures come from: topic end offsets, consumer-group lag, the chain's JSON-RPC and the
 * services' heartbeat topics.
 */
public interface OpsSource {
    Snapshot snapshot();

    /**
     * One reading.
     *
     * @param pipeline events per pipeline stage (submitted, sealed, committed, erasure stages), summed over domains
     * @param recordStages records per stage as the gateway's view sees them
     * @param deadLetters messages per dead-letter topic
     * @param consumerLag lag per consumer group (summed over its partitions)
     * @param chain chain head and pending transactions, or an error text
     * @param services every service instance's last heartbeat
     * @param history the last hour by minute, from the heartbeats
     * @param attention the paging conditions the heartbeats show now (see {@link OpsHistory})
     * @param sources what this reading was made from, for the page to say
     */
    record Snapshot(
            Map<String, Long> pipeline,
            Map<String, Long> recordStages,
            Map<String, Long> deadLetters,
            Map<String, Long> consumerLag,
            Chain chain,
            List<ServiceStatus> services,
            List<Minute> history,
            List<Attention> attention,
            List<String> sources) {}

    /**
     * One minute of the last hour.
     *
     * @param processedPerSecond events per second summed over the instances that beat in the minute
     * @param lag unprocessed events summed over those instances, at their last beat of the minute
     * @param deadLetters dead letters sent during the minute
     * @param instancesReporting how many instances beat in the minute
     */
    record Minute(Instant start, double processedPerSecond, long lag, long deadLetters, int instancesReporting) {}

    /** A condition an operator would be paged on: the Prometheus rule it mirrors, where, and what the beats show. */
    record Attention(String rule, String where, String detail) {}

    /**
     * One service instance as its last heartbeat told it.
     *
     * @param ageMillis how long ago that beat was sent (a few intervals: alive; growing: stopped or cut off)
     * @param lag events its consumer groups have not processed yet, summed over its partitions
     * @param ledger the ledger writer's chain head, pending transactions and nonces per signer; null for the others
     */
    record ServiceStatus(
            String service,
            String instanceId,
            Instant lastBeat,
            long ageMillis,
            double processedPerSecond,
            long lag,
            long deadLetters,
            Map<String, Long> deadLettersByReason,
            Ledger ledger) {}

    /**
     * The chain as the ledger writer's signers see it.
     *
     * @param pendingTransactions the signers' transactions the node has accepted but not mined
     * @param lanes one entry per signing lane
     */
    record Ledger(long chainHead, long pendingTransactions, List<Lane> lanes) {
        public Ledger {
            lanes = List.copyOf(lanes);
        }
    }

    /**
     * One signing lane's nonces.
     *
     * @param signer the lane's address
     * @param nextNonce the nonce its next transaction gets
     * @param minedNonce transactions of this signer in mined blocks
     */
    record Lane(String signer, long nextNonce, long minedNonce) {}

    /** The chain head block, the pending transactions count (null where the node does not say), or why not known. */
    record Chain(Long headBlock, Long pendingTransactions, String error) {}
}
