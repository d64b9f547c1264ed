package org.hrm.gateway.application;

import java.util.List;
import java.util.Map;

/**
 * Where the ops dashboard's figures come from. Today: topic end offsets, consumer-group lag and the chain's JSON-RPC;
 * the services' heartbeat topics and actuator metrics can be another implementation (or be merged into this one)
 * without touching the dashboard.
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
     * @param sources what this reading was made from, for the page to say
     */
    record Snapshot(
            Map<String, Long> pipeline,
            Map<String, Long> recordStages,
            Map<String, Long> deadLetters,
            Map<String, Long> consumerLag,
            Chain chain,
            List<String> sources) {}

    /** The chain head block, the pending transactions count (null where the node does not say), or why not known. */
    record Chain(Long headBlock, Long pendingTransactions, String error) {}
}
