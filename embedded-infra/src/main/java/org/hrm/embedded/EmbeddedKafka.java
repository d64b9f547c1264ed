package org.hrm.embedded;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A single in-process Kafka broker in KRaft mode (combined broker and controller). */
public final class EmbeddedKafka implements AutoCloseable {
    private final EmbeddedKafkaKraftBroker broker;

    private EmbeddedKafka(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
    }

    /**
     * Starts a broker on a free port with the given default partition count. (spring-kafka's KRaft test broker
     * ignores fixed ports, so callers read {@link #bootstrapServers()}.)
     */
    public static EmbeddedKafka start(int partitions) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions);
        broker.brokerProperty("auto.create.topics.enable", "true");
        broker.brokerProperty("num.partitions", String.valueOf(partitions));
        // The cleaner looks for work every second, not every 15: the erasure check waits for compaction.
        broker.brokerProperty("log.cleaner.backoff.ms", "1000");
        broker.afterPropertiesSet();
        return new EmbeddedKafka(broker);
    }

    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    @Override
    public void close() {
        broker.destroy();
    }
}
