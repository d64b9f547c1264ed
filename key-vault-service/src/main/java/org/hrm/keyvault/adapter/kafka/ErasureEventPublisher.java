package org.hrm.keyvault.adapter.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.DestroyedKey;
import org.hrm.contracts.events.ErasedRecord;
import org.hrm.contracts.events.ErasureReceipt;
import org.hrm.contracts.events.KeysDestroyed;
import org.hrm.contracts.events.VaultProgress;
import org.hrm.keyvault.application.CommandProgress;
import org.hrm.keyvault.application.ErasureOutcome;
import org.hrm.keyvault.application.VaultDomains;
import org.hrm.keyvault.domain.Erasure;
import org.hrm.keyvault.domain.EventSigner;
import org.hrm.messaging.OutboundEvents;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes KeysDestroyed (key owner id; signed by the vault) and ErasureReceipt (key request id) to their domain's
 * topics, and VaultProgress to the ops topic, and the erased records' tombstones. Ids, times and pseudonyms only:
 * never key material.
 */
final class ErasureEventPublisher {
    private final KafkaTemplate<String, byte[]> template;
    private final EventCodec codec;
    private final EventSigner signer;

    ErasureEventPublisher(KafkaTemplate<String, byte[]> template, EventCodec codec, EventSigner signer) {
        this.template = template;
        this.codec = codec;
        this.signer = signer;
    }

    /** Built from the stored erasure only, with an event id derived from the request: a repeat is the same event. */
    CompletableFuture<?> keysDestroyed(ErasureOutcome.Destroyed outcome) {
        Erasure erasure = outcome.erasure();
        Domain domain = VaultDomains.toContract(erasure.domain());
        KeysDestroyed unsigned = new KeysDestroyed(
                erasure.requestId(),
                domain,
                erasure.ownerId(),
                erasure.allRecords(),
                erasure.recordIds().stream()
                        .map(recordId -> new ErasedRecord(recordId, outcome.ownerPseudonymOf(recordId)))
                        .toList(),
                erasure.keys().stream()
                        .map(k -> new DestroyedKey(k.kind(), k.keyId(), k.recordId(), k.masterKeyVersion()))
                        .toList(),
                erasure.destroyedAt(),
                null);
        KeysDestroyed event = new KeysDestroyed(
                unsigned.requestId(),
                unsigned.domain(),
                unsigned.ownerId(),
                unsigned.allRecords(),
                unsigned.records(),
                unsigned.keys(),
                unsigned.destroyedAt(),
                signer.sign(unsigned.signedBytes()));
        String eventId = OutboundEvents.derivedId("hrm/keys-destroyed/" + domain.id() + "/" + erasure.requestId());
        return template.send(
                OutboundEvents.record(codec, Topic.KEYS_DESTROYED.name(domain), erasure.ownerId(), event, eventId));
    }

    /**
     * A tombstone (key = record id, null value) for every erased record on its domain's record-submitted and
     * record-released topics, so compaction removes the copies of C1 they hold (the topics are compact,delete).
     *
     * <p>The vault is not those topics' producer of events; this is the one exception to "one producer per topic",
     * and it is safe: a null value carries no data and no authority (every consumer skips it before parsing), it can
     * only make the broker forget earlier values of its own key, and the vault sends one only for a record whose
     * erasure it has verified and performed. Anyone else who may write the topic could send the same tombstone; it
     * would only delete a copy that the topic's retention deletes within the hour anyway.
     */
    CompletableFuture<?> tombstones(Erasure erasure) {
        Domain domain = VaultDomains.toContract(erasure.domain());
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (String recordId : erasure.recordIds()) {
            for (Topic topic : List.of(Topic.RECORD_SUBMITTED, Topic.RECORD_RELEASED)) {
                sends.add(template.send(new ProducerRecord<>(topic.name(domain), recordId, null)));
            }
        }
        return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new));
    }

    CompletableFuture<?> receipt(ErasureReceipt receipt) {
        Domain domain = receipt.domain();
        String eventId = OutboundEvents.derivedId("hrm/erasure-receipt/" + domain.id() + "/" + receipt.requestId());
        return template.send(OutboundEvents.record(
                codec, Topic.ERASURE_RECEIPTS.name(domain), receipt.requestId(), receipt, eventId));
    }

    CompletableFuture<?> progress(CommandProgress progress) {
        VaultProgress event = new VaultProgress(
                progress.commandId(),
                progress.command(),
                progress.done(),
                progress.total(),
                progress.state(),
                progress.message(),
                progress.at());
        return template.send(OutboundEvents.record(
                codec, Topic.VAULT_PROGRESS.topicName(), event.commandId(), event, OutboundEvents.newId()));
    }
}
