package org.hrm.messaging;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The producer setting shared by the services whose batch listeners wait for every send of a batch to be
 * acknowledged before they commit it and poll again (consent-service, the key vault): {@code linger.ms} 0.
 *
 * <p>Kafka 4's producer lingers 5 ms by default, hoping for more records to join a batch. Here none can: the listener
 * has sent its whole poll and waits for the acknowledgements, so the linger only delays each hop, three times on the
 * fetch path (request, decision, release). A poll's sends still share requests: while the first is in flight the rest
 * pile up in the accumulator. An explicit {@code spring.kafka.producer.properties.linger.ms} still wins.
 */
public final class PromptSends {
    /** Milliseconds a send waits for others to join its batch. */
    public static final int LINGER_MS = 0;

    private PromptSends() {}

    /** Sets {@code linger.ms} to {@link #LINGER_MS} unless the configuration sets it. */
    public static Map<String, Object> apply(Map<String, Object> producerConfig) {
        producerConfig.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        return producerConfig;
    }
}
