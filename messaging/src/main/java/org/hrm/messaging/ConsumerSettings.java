package org.hrm.messaging;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

/**
 * The one way a service builds the consumers of its batch listeners: Spring Boot's {@code spring.kafka.consumer.*}
 * properties, String keys and byte-array values, offsets committed by the container after each batch (never
 * automatically), a new consumer group reading from the earliest offset, and only committed records; plus the
 * service's own settings (a poll size, a poll interval).
 */
public final class ConsumerSettings {
    private final Map<String, Object> config;

    private ConsumerSettings(Map<String, Object> config) {
        this.config = config;
    }

    /** Spring Boot's consumer properties with the house settings put over them. */
    public static ConsumerSettings from(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new ConsumerSettings(config);
    }

    /** The brokers, where they come from elsewhere than the properties (Spring Boot's connection details). */
    public ConsumerSettings bootstrapServers(Object servers) {
        return set(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, servers);
    }

    /** A setting of the service's own, over the configuration's. */
    public ConsumerSettings set(String name, Object value) {
        config.put(name, value);
        return this;
    }

    /** Settings of the service's own, over the configuration's. */
    public ConsumerSettings setAll(Map<String, Object> overrides) {
        config.putAll(overrides);
        return this;
    }

    /**
     * No consumer group, whatever the configuration sets: for a reader that assigns itself every partition and reads
     * from the beginning (the gateway's views), so nothing is committed and every reader sees everything.
     */
    public ConsumerSettings withoutGroup() {
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return this;
    }

    /** A default of the service's own: the configuration's value, when it sets one, wins. */
    public ConsumerSettings setIfAbsent(String name, Object value) {
        config.putIfAbsent(name, value);
        return this;
    }

    /** A copy of the configuration. */
    public Map<String, Object> config() {
        return new HashMap<>(config);
    }

    public DefaultKafkaConsumerFactory<String, byte[]> factory() {
        return new DefaultKafkaConsumerFactory<>(config());
    }

    /** A raw consumer, for a reader outside Spring's containers (the gateway's views); the caller closes it. */
    public KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(config(), new StringDeserializer(), new ByteArrayDeserializer());
    }
}
