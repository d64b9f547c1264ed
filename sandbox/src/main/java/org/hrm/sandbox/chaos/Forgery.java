package org.hrm.sandbox.chaos;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * One forged event of the forgery phase: what it pretends to be, whose stolen login published it, the exact bytes
 * published, which services must dead-letter it, which chain ids it must not touch, and how to see whether the
 * platform obeyed it anyway.
 *
 * @param kind the forgery kind, a key of {@code forgeriesByKind}
 * @param topic where it was published
 * @param publishedAs the principal whose login published it: the one entitled to write {@code topic}
 * @param value the exact bytes published; a dead letter matches only these bytes
 * @param sent the broker's answer to the publish
 * @param deadLetterTopics the dead-letter topic of every service that consumes {@code topic}: each must refuse it
 * @param chainIds record or grant ids no ledger log may name after the phase began
 * @param clientRefusal for a forgery only a client judges (a forged release): the client's reason for refusing it,
 *     or null if it accepted it; null when services judge
 * @param obeyed what the forgery changed on the platform, or null if nothing; called after the refusals are in
 */
record Forgery(
        String kind,
        String topic,
        String publishedAs,
        byte[] value,
        Future<RecordMetadata> sent,
        List<String> deadLetterTopics,
        Set<String> chainIds,
        Supplier<String> clientRefusal,
        Supplier<String> obeyed) {
    Forgery {
        deadLetterTopics = List.copyOf(deadLetterTopics);
        chainIds = Set.copyOf(chainIds);
    }

    /** Null if the broker took the forgery (the stolen login may write its topic); else why it refused it. */
    String brokerRefusal() {
        return StolenLogins.brokerRefusal(sent);
    }

    /**
     * How the platform answered one forgery.
     *
     * @param brokerRefusal null if the broker accepted the forgery, as it must: the signature check is under test
     */
    record Outcome(Forgery forgery, String brokerRefusal, List<String> reasons, String obeyed, int chainWrites) {
        /** How a reason says that one consumer did not dead-letter the forgery. */
        static final String NOT_DEAD_LETTERED = "no dead letter on ";

        static boolean missing(String reason) {
            return reason.startsWith(NOT_DEAD_LETTERED);
        }

        /** Whether the broker took the forgery, so that what refused it was the consumer's check. */
        boolean acceptedByBroker() {
            return brokerRefusal == null;
        }

        /**
         * Accepted by the broker, then refused by every consumer (or the client), nothing changed, nothing written on
         * chain.
         */
        boolean refused() {
            return acceptedByBroker()
                    && !reasons.isEmpty()
                    && reasons.stream().noneMatch(Outcome::missing)
                    && obeyed == null
                    && chainWrites == 0;
        }

        String report() {
            return (refused() ? "refused " : "NOT REFUSED ") + forgery.kind() + " (published as "
                    + forgery.publishedAs() + ", "
                    + (acceptedByBroker() ? "accepted by the broker" : "but " + brokerRefusal) + "): "
                    + (reasons.isEmpty() ? "(no refusal)" : String.join(" | ", reasons))
                    + (obeyed == null ? "" : "; obeyed: " + obeyed)
                    + (chainWrites == 0 ? "" : "; chain writes: " + chainWrites);
        }
    }
}
