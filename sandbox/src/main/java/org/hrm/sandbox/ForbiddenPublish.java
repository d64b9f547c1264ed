package org.hrm.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hrm.cli.KafkaLogin;
import org.hrm.contracts.Domain;
import org.hrm.contracts.Topic;

/**
 * The second wall seen from a client: a hospital system publishes a release decision, which only consent-service may
 * write, and the broker must refuse it ({@link TopicAuthorizationException}) before any service reads it.
 */
final class ForbiddenPublish {
    static final String TOPIC = Topic.ACCESS_DECIDED.name(Domain.PATIENT);

    private ForbiddenPublish() {}

    /** Whether the broker refused {@code client}'s write to {@link #TOPIC}; false if it took it or did not answer. */
    static boolean refused(KafkaLogin client) throws InterruptedException {
        Properties config = client.config();
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "15000");
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
        byte[] forged = "a release decision not signed by consent-service".getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, "forged-" + UUID.randomUUID(), forged))
                    .get(30, TimeUnit.SECONDS);
            return false;
        } catch (TopicAuthorizationException e) {
            return true;
        } catch (ExecutionException e) {
            return e.getCause() instanceof TopicAuthorizationException;
        } catch (TimeoutException | org.apache.kafka.common.errors.TimeoutException e) {
            return false;
        }
    }
}
