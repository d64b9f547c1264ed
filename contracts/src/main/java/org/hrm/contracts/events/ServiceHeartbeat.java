package org.hrm.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hrm.contracts.ServiceName;

/**
 * One instance's periodic report on its service's heartbeat topic: alive since when, how far behind its consumers
 * are, how much it processed since the last beat, what it dead-lettered since it started, and (ledger writer only)
 * the chain as its signer sees it.
 *
 * @param instanceId this process's id (host name and a random suffix), stable while it runs
 * @param uptimeMillis time since the instance started
 * @param intervalMillis time since the previous beat (the configured interval, except for the first beat)
 * @param lag one entry per topic-partition assigned to this instance's consumers
 * @param processedSinceLastBeat consumed events whose offsets were committed since the previous beat
 * @param processedTotal the same since the instance started
 * @param throughputPerSecond {@code processedSinceLastBeat} per second of {@code intervalMillis}
 * @param deadLettersByReason dead letters sent since start, per reason (numbers in reasons folded to {@code N})
 * @param ledger the ledger writer's view of the chain; absent for other services
 */
public record ServiceHeartbeat(
        ServiceName service,
        String instanceId,
        Instant at,
        long uptimeMillis,
        long intervalMillis,
        List<PartitionLag> lag,
        long processedSinceLastBeat,
        long processedTotal,
        double throughputPerSecond,
        long deadLettersTotal,
        Map<String, Long> deadLettersByReason,
        LedgerStatus ledger) {

    public ServiceHeartbeat {
        Require.present(service, "service");
        Require.text(instanceId, "instanceId");
        Require.present(at, "at");
        lag = List.copyOf(Require.present(lag, "lag"));
        deadLettersByReason = Map.copyOf(Require.present(deadLettersByReason, "deadLettersByReason"));
    }

    /**
     * How far one consumer group is behind on one topic-partition.
     *
     * @param committedOffset the group's committed offset (the next event it will process)
     * @param endOffset the partition's log end offset
     */
    public record PartitionLag(String group, String topic, int partition, long committedOffset, long endOffset) {
        public PartitionLag {
            Require.text(group, "group");
            Require.text(topic, "topic");
        }

        /** Events on the partition that the group has not processed yet. */
        public long lag() {
            return Math.max(0, endOffset - committedOffset);
        }
    }

    /**
     * The chain as the ledger writer's signers see it.
     *
     * @param chainHead the node's latest block number
     * @param pendingTransactions the signers' transactions the node has accepted but not mined
     * @param lanes one entry per signing lane
     */
    public record LedgerStatus(long chainHead, long pendingTransactions, List<LaneNonce> lanes) {
        public LedgerStatus {
            lanes = List.copyOf(Require.present(lanes, "lanes"));
        }
    }

    /**
     * One signing lane's nonces.
     *
     * @param signer the lane's address
     * @param nextNonce the nonce its next transaction gets (the node's pending count)
     * @param minedNonce transactions of this signer in mined blocks
     */
    public record LaneNonce(String signer, long nextNonce, long minedNonce) {
        public LaneNonce {
            Require.text(signer, "signer");
        }
    }
}
