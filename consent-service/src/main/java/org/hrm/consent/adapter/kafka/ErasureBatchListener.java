package org.hrm.consent.adapter.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrm.consent.application.ErasureOutcome;
import org.hrm.consent.application.RecordErasures;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.KeysDestroyed;
import org.hrm.messaging.Acknowledgements;
import org.hrm.messaging.Traces;
import org.springframework.kafka.listener.BatchMessageListener;

/**
 * Applies each poll's KeysDestroyed in offset order, only those signed by the vault's published key (a forged one is
 * dead-lettered and marks nothing erased): the records are marked erased and grants over them end, then
 * the erasure's audit event and the owner's standing grants are published; bad events are dead-lettered.
 */
final class ErasureBatchListener implements BatchMessageListener<String, byte[]> {
    private final EventParser parser;
    private final RecordErasures erasures;
    private final ConsentPublisher publisher;
    private final Duration sendTimeout;
    private final byte[] vaultPublicKey;

    /**
     * @param vaultPublicKey the vault's published signing key ({@code hrm.consent.vault-public-key}); null: every
     *     KeysDestroyed is refused, since nothing could tell the vault's from a forgery
     */
    ErasureBatchListener(
            EventParser parser,
            RecordErasures erasures,
            ConsentPublisher publisher,
            Duration sendTimeout,
            byte[] vaultPublicKey) {
        this.parser = parser;
        this.erasures = erasures;
        this.publisher = publisher;
        this.sendTimeout = sendTimeout;
        this.vaultPublicKey = vaultPublicKey == null ? null : vaultPublicKey.clone();
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            handle(record, sends);
        }
        Acknowledgements.await(sends, sendTimeout, "the batch's sends");
    }

    private void handle(ConsumerRecord<String, byte[]> record, List<CompletableFuture<?>> sends) {
        try (var trace = Traces.open(record)) {
            ConsumedEvent<KeysDestroyed> parsed =
                    parser.parse(record, Topic.KEYS_DESTROYED, KeysDestroyed.class, KeysDestroyed::domain);
            if (!parsed.accepted()) {
                sends.add(publisher.deadLetter(record, parsed.refusal()));
                return;
            }
            if (vaultPublicKey == null || !parsed.event().signedBy(vaultPublicKey)) {
                sends.add(publisher.deadLetter(
                        record, "KeysDestroyed " + parsed.event().requestId() + " is not signed by the vault's key"));
                return;
            }
            ErasureOutcome outcome = erasures.erase(ContractMapping.erasure(parsed.event()));
            sends.add(publisher.audit(outcome.audit()));
            sends.add(publisher.standingGrants(outcome.standingGrants()));
        }
    }
}
