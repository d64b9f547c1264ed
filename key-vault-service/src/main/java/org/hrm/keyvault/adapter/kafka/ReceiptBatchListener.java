package org.hrm.keyvault.adapter.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrm.keyvault.application.ErasureReceipts;
import org.hrm.keyvault.application.ReceiptOutcome;
import org.hrm.keyvault.domain.ErasureCommit;
import org.hrm.messaging.Acknowledgements;
import org.hrm.messaging.Traces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchMessageListener;

/**
 * Issues a signed ErasureReceipt for each ErasureCommitted of a poll's batch; refusals and bad records are
 * dead-lettered with the reason. Offsets commit after every send is acknowledged; a redelivery re-publishes the
 * receipts already stored with their erasures, byte for byte.
 */
final class ReceiptBatchListener implements BatchMessageListener<String, byte[]> {
    private static final Logger log = LoggerFactory.getLogger(ReceiptBatchListener.class);

    private final ErasureParser parser;
    private final ErasureReceipts receipts;
    private final ErasureEventPublisher publisher;
    private final VaultEventPublisher deadLetters;
    private final Duration sendTimeout;

    ReceiptBatchListener(
            ErasureParser parser,
            ErasureReceipts receipts,
            ErasureEventPublisher publisher,
            VaultEventPublisher deadLetters,
            Duration sendTimeout) {
        this.parser = parser;
        this.receipts = receipts;
        this.publisher = publisher;
        this.deadLetters = deadLetters;
        this.sendTimeout = sendTimeout;
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        List<Parsed<ErasureCommit>> parsed =
                records.stream().map(parser::committed).toList();
        Iterator<ReceiptOutcome> outcomes = receipts.receipt(parsed.stream()
                        .filter(Parsed::accepted)
                        .map(Parsed::value)
                        .toList())
                .iterator();
        List<CompletableFuture<?>> sends = new ArrayList<>(parsed.size());
        for (Parsed<ErasureCommit> commit : parsed) {
            try (var trace = Traces.open(commit.source())) {
                sends.add(
                        commit.accepted()
                                ? publish(commit, outcomes.next())
                                : deadLetter(commit.source(), commit.refusal()));
            }
        }
        Acknowledgements.await(sends, sendTimeout, "the batch's sends");
    }

    private CompletableFuture<?> publish(Parsed<ErasureCommit> commit, ReceiptOutcome outcome) {
        if (outcome instanceof ReceiptOutcome.Issued issued) {
            log.info("Erasure receipt issued for {}", issued.requestId());
            return publisher.receipt(ErasureReceiptMapping.receipt(issued.erasure(), issued.issued()));
        }
        return deadLetter(commit.source(), ((ReceiptOutcome.Refused) outcome).reason());
    }

    private CompletableFuture<?> deadLetter(ConsumerRecord<String, byte[]> source, String reason) {
        return deadLetters.deadLetter(source, reason);
    }
}
