package org.hrm.keyvault.adapter.kafka;

import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.ServiceName;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.KeyShare;
import org.hrm.contracts.events.RecordReleaseDenied;
import org.hrm.contracts.events.RecordReleased;
import org.hrm.contracts.events.RecordSealed;
import org.hrm.contracts.events.SealedShare;
import org.hrm.keyvault.application.ReleaseOutcome;
import org.hrm.keyvault.application.VaultDomains;
import org.hrm.keyvault.domain.EventSigner;
import org.hrm.keyvault.domain.ReleaseDecision;
import org.hrm.keyvault.domain.SealedProvenance;
import org.hrm.keyvault.domain.SealedRecord;
import org.hrm.messaging.DeadLetters;
import org.hrm.messaging.OutboundEvents;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes the vault's events to their domain's topics (RecordSealed, signed by the vault, RecordReleased,
 * RecordReleaseDenied) with the event id, type and schema version headers, and refused records
 * (reason and digest, never the payload) to the vault's dead-letter topic.
 */
final class VaultEventPublisher {
    private final KafkaTemplate<String, byte[]> template;
    private final DeadLetters deadLetters;
    private final EventCodec codec;
    private final EventSigner signer;

    VaultEventPublisher(KafkaTemplate<String, byte[]> template, EventCodec codec, EventSigner signer) {
        this.template = template;
        this.deadLetters = new DeadLetters(template, Topic.KEY_VAULT_DEAD_LETTER, ServiceName.KEY_VAULT);
        this.codec = codec;
        this.signer = signer;
    }

    CompletableFuture<?> sealed(SealedRecord record) {
        Domain domain = VaultDomains.toContract(record.domain());
        RecordSealed unsigned = new RecordSealed(
                record.recordId(),
                domain,
                record.ownerPseudonym(),
                record.outerCiphertext(),
                record.shares().stream()
                        .map(share -> new SealedShare(share.readerPseudonym(), share.share()))
                        .toList(),
                record.authorSignature(),
                record.sealedAt(),
                null);
        RecordSealed event = new RecordSealed(
                unsigned.recordId(),
                unsigned.domain(),
                unsigned.ownerPseudonym(),
                unsigned.outerCiphertext(),
                unsigned.shares(),
                unsigned.authorSignature(),
                unsigned.sealedAt(),
                signer.sign(unsigned.signedBytes()));
        return send(Topic.RECORD_SEALED.name(domain), record.recordId(), event, OutboundEvents.newId());
    }

    /**
     * C1 sealed to the requester ({@link ReleasedSealing}) and the share holder's share to the domain's record-released
     * topic. The event id is derived from the
     * request id: a release redelivered after a crash carries the same id, so consumers drop the repeat.
     */
    CompletableFuture<?> released(ReleaseOutcome.Released outcome) {
        ReleaseDecision decision = outcome.decision();
        Domain domain = VaultDomains.toContract(decision.domain());
        SealedProvenance provenance = outcome.provenance();
        RecordReleased event = new RecordReleased(
                decision.requestId(),
                decision.recordId(),
                domain,
                decision.requesterId(),
                ReleasedSealing.seal(outcome.innerCiphertext(), decision),
                new KeyShare(decision.shareHolderId(), outcome.share()),
                outcome.releasedAt(),
                provenance == null ? null : outcome.ownerId(),
                provenance == null ? null : provenance.authorId(),
                provenance == null
                        ? null
                        : provenance.shares().stream()
                                .map(share -> new KeyShare(share.readerId(), share.share()))
                                .toList(),
                provenance == null ? null : provenance.authorSignature(),
                provenance == null ? null : provenance.category());
        String eventId = OutboundEvents.derivedId("hrm/record-released/" + decision.requestId());
        return send(Topic.RECORD_RELEASED.name(domain), decision.recordId(), event, eventId);
    }

    /** The reason nothing was released, to the domain's record-release-denied topic. */
    CompletableFuture<?> denied(ReleaseOutcome.Denied outcome) {
        ReleaseDecision decision = outcome.decision();
        Domain domain = VaultDomains.toContract(decision.domain());
        RecordReleaseDenied event = new RecordReleaseDenied(
                decision.requestId(),
                decision.recordId(),
                domain,
                decision.requesterId(),
                outcome.reason(),
                outcome.deniedAt());
        return send(Topic.RECORD_RELEASE_DENIED.name(domain), decision.recordId(), event, OutboundEvents.newId());
    }

    /** The reason, where the record came from and its payload's digest (never the payload): {@link DeadLetters}. */
    CompletableFuture<?> deadLetter(ConsumerRecord<String, byte[]> source, String reason) {
        return deadLetters.send(source, reason);
    }

    private CompletableFuture<?> send(String topic, String key, Object event, String eventId) {
        return template.send(OutboundEvents.record(codec, topic, key, event, eventId));
    }
}
