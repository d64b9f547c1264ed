package org.hrm.messaging;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The one way a service builds its producer: Spring Boot's {@code spring.kafka.producer.*} properties (TLS, SASL and
 * whatever the deployment sets), String keys and byte-array values, idempotent with {@code acks=all} (a send is
 * acknowledged once every in-sync replica has it, and a retried send is never written twice), plus what the service
 * adds: a larger request limit, no lingering on the fetch path ({@link PromptSends}), its own client id.
 */
public final class ProducerSettings {
    private final Map<String, Object> config;

    private ProducerSettings(Map<String, Object> config) {
        this.config = config;
    }

    /** Spring Boot's producer properties with the house settings put over them. */
    public static ProducerSettings from(KafkaProperties kafka) {
        return from(kafka.buildProducerProperties());
    }

    /** {@code base} (a producer configuration) with the house settings put over it. */
    public static ProducerSettings from(Map<String, Object> base) {
        Map<String, Object> config = new HashMap<>(base);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new ProducerSettings(config);
    }

    /** The largest request, so one of the service's largest events (or a dead letter of one) still passes. */
    public ProducerSettings maxRequestBytes(int bytes) {
        return set(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, bytes);
    }

    /** Sends without lingering unless the configuration sets {@code linger.ms}: see {@link PromptSends}. */
    public ProducerSettings promptSends() {
        PromptSends.apply(config);
        return this;
    }

    /** The brokers, where they come from elsewhere than the properties (Spring Boot's connection details). */
    public ProducerSettings bootstrapServers(Object servers) {
        return set(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, servers);
    }

    /** A setting of the service's own, over the configuration's. */
    public ProducerSettings set(String name, Object value) {
        config.put(name, value);
        return this;
    }

    /** A default of the service's own: the configuration's value, when it sets one, wins. */
    public ProducerSettings setIfAbsent(String name, Object value) {
        config.putIfAbsent(name, value);
        return this;
    }

    /** A copy of the configuration. */
    public Map<String, Object> config() {
        return new HashMap<>(config);
    }

    public DefaultKafkaProducerFactory<String, byte[]> factory() {
        return new DefaultKafkaProducerFactory<>(config());
    }

    /** A template over a new {@link #factory()}. */
    public KafkaTemplate<String, byte[]> template() {
        return new KafkaTemplate<>(factory());
    }

    /** A raw producer, for a service that sends outside Spring (the gateway's commands); the caller closes it. */
    public KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(config(), new StringSerializer(), new ByteArraySerializer());
    }
}
