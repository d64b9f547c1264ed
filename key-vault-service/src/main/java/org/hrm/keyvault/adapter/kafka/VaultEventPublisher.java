package org.hrm.keyvault.adapter.kafka;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.ServiceName;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.RecordSealed;
import org.hrm.contracts.events.SealedShare;
import org.hrm.keyvault.application.VaultDomains;
import org.hrm.keyvault.domain.SealedRecord;
import org.springframework.kafka.core.KafkaTemplate;

/** Publishes RecordSealed to the domain's record-sealed topic and refused records to the vault's dead-letter topic. */
final class VaultEventPublisher {
    private static final List<String> DLT_HEADERS = List.of(
            EventHeaders.DLT_REASON,
            EventHeaders.DLT_ORIGINAL_TOPIC,
            EventHeaders.DLT_ORIGINAL_PARTITION,
            EventHeaders.DLT_ORIGINAL_OFFSET,
            EventHeaders.DLT_SERVICE);

    private final KafkaTemplate<String, byte[]> template;
    private final EventCodec codec;

    VaultEventPublisher(KafkaTemplate<String, byte[]> template, EventCodec codec) {
        this.template = template;
        this.codec = codec;
    }

    CompletableFuture<?> sealed(SealedRecord record) {
        Domain domain = VaultDomains.toContract(record.domain());
        RecordSealed event = new RecordSealed(
                record.recordId(),
                domain,
                record.ownerPseudonym(),
                record.outerCiphertext(),
                record.shares().stream()
                        .map(share -> new SealedShare(share.readerPseudonym(), share.share()))
                        .toList(),
                record.authorSignature(),
                record.sealedAt());
        ProducerRecord<String, byte[]> out =
                new ProducerRecord<>(Topic.RECORD_SEALED.name(domain), record.recordId(), codec.encode(event));
        out.headers()
                .add(EventHeaders.EVENT_ID, utf8(UUID.randomUUID().toString()))
                .add(EventHeaders.EVENT_TYPE, utf8(EventCodec.typeName(RecordSealed.class)))
                .add(EventHeaders.SCHEMA_VERSION, utf8(Integer.toString(EventCodec.SCHEMA_VERSION)));
        return template.send(out);
    }

    /** The original key, value and headers, plus the reason and where the record came from. */
    CompletableFuture<?> deadLetter(ConsumerRecord<String, byte[]> source, String reason) {
        Headers headers = new RecordHeaders(source.headers().toArray());
        DLT_HEADERS.forEach(headers::remove);
        headers.add(EventHeaders.DLT_REASON, utf8(reason))
                .add(EventHeaders.DLT_ORIGINAL_TOPIC, utf8(source.topic()))
                .add(EventHeaders.DLT_ORIGINAL_PARTITION, utf8(Integer.toString(source.partition())))
                .add(EventHeaders.DLT_ORIGINAL_OFFSET, utf8(Long.toString(source.offset())))
                .add(EventHeaders.DLT_SERVICE, utf8(ServiceName.KEY_VAULT.name()));
        return template.send(new ProducerRecord<>(
                Topic.KEY_VAULT_DEAD_LETTER.topicName(), null, source.key(), source.value(), headers));
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
