package org.hrm.support;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.events.ServiceHeartbeat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Publishes a heartbeat every {@code hrm.ops.heartbeat-interval} to the service's heartbeat topic, keyed by
 * instance id, from its own producer and admin client (a stalled service producer does not silence the beat).
 */
final class Heartbeats implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(Heartbeats.class);

    private final String topic;
    private final OpsProperties properties;
    private final Map<String, Object> kafkaConfig;
    private final HeartbeatFactory factory;
    private final EventCodec codec = new EventCodec();
    private ScheduledExecutorService scheduler;
    private Producer<String, byte[]> producer;
    private Admin admin;

    /** Builds the beat builder once the admin client exists. */
    @FunctionalInterface
    interface HeartbeatFactory {
        HeartbeatPublisher create(Admin admin);
    }

    Heartbeats(String topic, OpsProperties properties, Map<String, Object> kafkaConfig, HeartbeatFactory factory) {
        this.topic = topic;
        this.properties = properties;
        this.kafkaConfig = kafkaConfig;
        this.factory = factory;
    }

    @Override
    public synchronized void start() {
        admin = Admin.create(kafkaConfig);
        producer = new KafkaProducer<>(producerConfig());
        HeartbeatPublisher beats = factory.create(admin);
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "heartbeat-" + topic);
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.heartbeatInterval().toMillis();
        scheduler.scheduleAtFixedRate(() -> send(beats), interval, interval, TimeUnit.MILLISECONDS);
        log.info("heartbeats every {} to {}", properties.heartbeatInterval(), topic);
    }

    private void send(HeartbeatPublisher beats) {
        try {
            ServiceHeartbeat beat = beats.beat();
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, beat.instanceId(), codec.encode(beat));
            record.headers()
                    .add(EventHeaders.EVENT_ID, UUID.randomUUID().toString().getBytes(UTF_8))
                    .add(
                            EventHeaders.EVENT_TYPE,
                            EventCodec.typeName(ServiceHeartbeat.class).getBytes(UTF_8))
                    .add(
                            EventHeaders.SCHEMA_VERSION,
                            String.valueOf(EventCodec.SCHEMA_VERSION).getBytes(UTF_8));
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    log.warn("heartbeat not delivered: {}", error.toString());
                }
            });
        } catch (RuntimeException e) {
            log.warn("heartbeat failed: {}", e.toString());
        }
    }

    /**
     * Idempotent with acks=all, as every other producer of the platform: a beat then says the service can write the
     * way its own producers write. When the cluster cannot take an acks=all write (fewer in-sync replicas than
     * {@code min.insync.replicas}), the service cannot write either, and the beat's absence says so instead of an
     * acks=1 beat claiming all is well; a beat lost with a failing leader is one missed beat.
     */
    Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // A beat is worth nothing late: do not retry for minutes.
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int)
                Math.max(30_000, 2 * properties.heartbeatInterval().toMillis()));
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return config;
    }

    @Override
    public synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        producer.close(java.time.Duration.ofSeconds(2));
        admin.close(java.time.Duration.ofSeconds(2));
        scheduler = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
