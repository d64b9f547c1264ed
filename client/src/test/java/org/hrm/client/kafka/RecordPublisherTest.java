package org.hrm.client.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hrm.client.sdk.ConsentSigner;
import org.hrm.client.sdk.EncryptedRecord;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.client.sdk.RecordEncryptor;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.TraceParent;
import org.hrm.contracts.events.AccessRequested;
import org.hrm.contracts.events.ConsentRevoked;
import org.hrm.contracts.events.ErasureRequested;
import org.hrm.contracts.events.PartyKind;
import org.hrm.contracts.events.PartyRegistered;
import org.hrm.contracts.events.RecordSubmitted;
import org.hrm.contracts.events.VaultCommand;
import org.hrm.crypto.P256KeyPair;
import org.junit.jupiter.api.Test;

class RecordPublisherTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final PartyKeys OWNER = PartyKeys.generate("practitioner-7");
    private static final PartyKeys AUTHOR = PartyKeys.generate("hospital-a");
    private static final P256KeyPair OPERATOR = P256KeyPair.generate();

    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
    private final RecordPublisher publisher = new RecordPublisher(producer, Clock.fixed(NOW, ZoneOffset.UTC));
    private final EncryptedRecord record = new RecordEncryptor()
            .encrypt(
                    UUID.randomUUID().toString(),
                    Domain.PRACTITIONER,
                    OWNER.partyId(),
                    AUTHOR,
                    "licence renewed".getBytes(UTF_8),
                    Map.of(OWNER.partyId(), OWNER.publicKey()));

    @Test
    void sendsTheEventToItsDomainsTopicKeyedByRecordId() {
        publisher.publish(record);

        ProducerRecord<String, byte[]> sent = producer.history().get(0);
        assertThat(sent.topic()).isEqualTo("hrm.practitioner.record-submitted");
        assertThat(sent.key()).isEqualTo(record.recordId());
        RecordSubmitted event = new EventCodec().decode(sent.value(), RecordSubmitted.class);
        assertThat(event.recordId()).isEqualTo(record.recordId());
        assertThat(event.innerCiphertext()).isEqualTo(record.innerCiphertext());
        assertThat(event.authorSignature()).isEqualTo(record.authorSignature());
        assertThat(event.submittedAt()).isEqualTo(NOW);
    }

    @Test
    void sendsConsentEventsToTheirDomainsTopicsKeyedByOwnerSoTheyStayInOrder() {
        ConsentRevoked revoked =
                new ConsentSigner().revoke(OWNER, UUID.randomUUID().toString(), Domain.PATIENT, NOW);

        publisher.revoke(revoked);

        ProducerRecord<String, byte[]> sent = producer.history().get(0);
        assertThat(sent.topic()).isEqualTo("hrm.patient.consent-revoked");
        assertThat(sent.key()).isEqualTo(OWNER.partyId());
        assertThat(header(sent.headers(), EventHeaders.EVENT_TYPE)).isEqualTo("ConsentRevoked");
    }

    @Test
    void sendsAccessRequestsKeyedByRecordAndRegistrationsToTheDirectoryTopic() {
        AccessRequested request = new AccessRequested(
                        UUID.randomUUID().toString(),
                        record.recordId(),
                        Domain.PRACTITIONER,
                        OWNER.partyId(),
                        "TREAT",
                        null,
                        NOW,
                        null,
                        null)
                .signedBy(OWNER.keyPair());
        PartyRegistered registered = new PartyRegistered(
                        OWNER.partyId(), PartyKind.PRACTITIONER, OWNER.publicKey(), "hospital-a", NOW, null, null, null)
                .provenBy(OWNER.keyPair());

        publisher.requestAccess(request);
        publisher.register(registered);

        assertThat(producer.history().get(0).topic()).isEqualTo("hrm.practitioner.access-requested");
        assertThat(producer.history().get(0).key()).isEqualTo(record.recordId());
        assertThat(producer.history().get(1).topic()).isEqualTo("hrm.parties.registered");
        assertThat(producer.history().get(1).key()).isEqualTo(OWNER.partyId());
    }

    @Test
    void sendsErasureRequestsKeyedByOwnerAndVaultCommandsToTheOpsTopic() {
        publisher.requestErasure(new ErasureRequested(
                        UUID.randomUUID().toString(), Domain.PATIENT, OWNER.partyId(), null, NOW, null, null)
                .signedBy(OWNER.keyPair()));
        publisher.command(new VaultCommand(UUID.randomUUID().toString(), "ROTATE", 0, NOW, null, null)
                .signedBy("operator", OPERATOR));

        assertThat(producer.history().get(0).topic()).isEqualTo("hrm.patient.erasure-requested");
        assertThat(producer.history().get(0).key()).isEqualTo(OWNER.partyId());
        assertThat(producer.history().get(1).topic()).isEqualTo("hrm.ops.vault-commands");
        assertThat(header(producer.history().get(1).headers(), EventHeaders.EVENT_TYPE))
                .isEqualTo("VaultCommand");
    }

    @Test
    void setsEventIdTypeAndSchemaVersionHeaders() {
        publisher.publish(record);
        publisher.publish(record);

        Headers first = producer.history().get(0).headers();
        Headers second = producer.history().get(1).headers();
        assertThat(header(first, EventHeaders.EVENT_TYPE)).isEqualTo("RecordSubmitted");
        assertThat(header(first, EventHeaders.SCHEMA_VERSION)).isEqualTo("2");
        assertThat(UUID.fromString(header(first, EventHeaders.EVENT_ID))).isNotNull();
        assertThat(header(first, EventHeaders.EVENT_ID)).isNotEqualTo(header(second, EventHeaders.EVENT_ID));
    }

    @Test
    void startsANewTraceForEveryEvent() {
        publisher.publish(record);
        publisher.publish(record);

        TraceParent first = TraceParent.parse(header(producer.history().get(0).headers(), EventHeaders.TRACE_PARENT))
                .orElseThrow();
        TraceParent second = TraceParent.parse(header(producer.history().get(1).headers(), EventHeaders.TRACE_PARENT))
                .orElseThrow();
        assertThat(first.traceId()).isNotEqualTo(second.traceId());
        assertThat(first.sampled()).isTrue();
    }

    @Test
    void futureCompletesWhenTheBrokerAcknowledges() {
        CompletableFuture<RecordMetadata> result = publisher.publish(record);

        assertThat(result).isNotDone();
        producer.completeNext();

        assertThat(result)
                .isCompletedWithValueMatching(metadata -> metadata.topic().endsWith("record-submitted"));
    }

    @Test
    void futureFailsWhenTheSendFails() {
        CompletableFuture<RecordMetadata> result = publisher.publish(record);

        producer.errorNext(new KafkaException("broker gone"));

        assertThat(result).isCompletedExceptionally();
    }

    @Test
    void producerIsIdempotentWithAcksAll() {
        Map<String, Object> config = RecordPublisher.producerConfig(
                "localhost:9092", Map.of(ProducerConfig.ACKS_CONFIG, "1", ProducerConfig.CLIENT_ID_CONFIG, "lab-7"));

        assertThat(config)
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "lab-7")
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
    }

    @Test
    void sendsWithoutLingeringUnlessTold() {
        assertThat(RecordPublisher.producerConfig("localhost:9092", Map.of()))
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 0);
        assertThat(RecordPublisher.producerConfig("localhost:9092", Map.of(ProducerConfig.LINGER_MS_CONFIG, 20)))
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 20);
    }

    private static String header(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), UTF_8);
    }
}
