package org.hrm.sandbox;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.hrm.client.kafka.TopicReader;
import org.hrm.client.sdk.ConsentSigner;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.ErasureReceipt;
import org.hrm.contracts.events.ErasureRequested;

/**
 * {@code ./hrm erase}: erases one record or all of an owner's records, signing the request with the owner's key
 * (--keystore), and prints the vault's signed receipt; exit 1 with the vault's reason when the vault refused it.
 */
final class ErasureCommands {
    static final Duration RECEIPT_TIMEOUT = Duration.ofSeconds(90);

    private ErasureCommands() {}

    static int erase(Args args) throws Exception {
        PartyKeys owner = Session.keys(args);
        String ownerId = args.optional("owner").orElse(owner.partyId());
        if (!ownerId.equals(owner.partyId())) {
            throw new Args.UsageException("erase: --owner " + ownerId + " but the keystore is " + owner.partyId()
                    + "'s: only the owner can ask to erase its records");
        }
        Domain domain = Session.domain(args);
        String recordId = args.optional("record").orElse(null);
        if (recordId == null && args.optional("all").isEmpty()) {
            throw new Args.UsageException("erase: give --record ID or --all");
        }
        try (Session session = Session.open(args)) {
            ErasureReceipt receipt;
            try {
                receipt = erase(session, domain, owner, recordId);
            } catch (ErasureRefusedException e) {
                System.err.println("erasure refused by the vault: " + e.getMessage());
                return 1;
            }
            String json = new String(new EventCodec().encode(receipt), StandardCharsets.UTF_8);
            if (args.optional("receipt").isPresent()) {
                Files.writeString(Path.of(args.required("receipt")), json);
            }
            System.out.println(json);
            System.err.println("erased " + receipt.recordIds().size() + " record(s); "
                    + receipt.tombstones().size()
                    + " tombstone(s) on chain; receipt signature "
                    + (verifies(session.endpoints, receipt) ? "verifies" : "DOES NOT VERIFY")
                    + " with the vault's published key");
            return verifies(session.endpoints, receipt) ? 0 : 1;
        }
    }

    /**
     * Publishes the request signed by the owner's key and waits for the vault's signed receipt.
     *
     * @throws ErasureRefusedException with the vault's reason if it dead-lettered the request
     */
    static ErasureReceipt erase(Session session, Domain domain, PartyKeys owner, String recordId) throws Exception {
        ErasureRequested request = new ErasureRequested(
                        UUID.randomUUID().toString(), domain, owner.partyId(), recordId, Instant.now(), null, null)
                .signedBy(owner.keyPair());
        session.publisher.requestErasure(request).join();
        return awaitReceipt(session.endpoints.kafkaBootstrapServers(), domain, request.requestId());
    }

    /** The vault refused an erasure request (its dead-letter reason). */
    static final class ErasureRefusedException extends Exception {
        ErasureRefusedException(String reason) {
            super(reason);
        }
    }

    static boolean verifies(Endpoints endpoints, ErasureReceipt receipt) {
        byte[] vaultKey = Base64.getDecoder().decode(endpoints.vaultReceiptPublicKey());
        return ConsentSigner.verify(vaultKey, receipt.signedBytes(), receipt.vaultSignature());
    }

    /** The receipt for the request, or its dead letter on the vault's dead-letter topic (matched by request id). */
    private static ErasureReceipt awaitReceipt(String bootstrapServers, Domain domain, String requestId)
            throws InterruptedException, ErasureRefusedException {
        EventCodec codec = new EventCodec();
        String receipts = Topic.ERASURE_RECEIPTS.name(domain);
        Object outcome = TopicReader.await(
                        bootstrapServers,
                        List.of(receipts, Topic.KEY_VAULT_DEAD_LETTER.topicName()),
                        message -> message.topic().equals(receipts)
                                ? (requestId.equals(message.key())
                                        ? codec.decode(message.value(), ErasureReceipt.class)
                                        : null)
                                : refusalOf(message, requestId),
                        RECEIPT_TIMEOUT)
                .orElseThrow(() -> new IllegalStateException(
                        "no erasure receipt for request " + requestId + " within " + RECEIPT_TIMEOUT));
        if (outcome instanceof ErasureReceipt receipt) {
            return receipt;
        }
        throw new ErasureRefusedException((String) outcome);
    }

    /** The dead-letter reason if {@code message} is this erasure request dead-lettered; else null. */
    private static String refusalOf(ConsumerRecord<String, byte[]> message, String requestId) {
        Header original = message.headers().lastHeader(EventHeaders.DLT_ORIGINAL_TOPIC);
        Header reason = message.headers().lastHeader(EventHeaders.DLT_REASON);
        if (original == null || reason == null || message.value() == null) {
            return null;
        }
        String topic = new String(original.value(), StandardCharsets.UTF_8);
        String value = new String(message.value(), StandardCharsets.UTF_8);
        // The dead letter carries the original event unchanged: match its request id without trusting its shape.
        boolean ours = Topic.ERASURE_REQUESTED.domainOf(topic).isPresent()
                && value.contains("\"requestId\":\"" + requestId + "\"");
        return ours ? new String(reason.value(), StandardCharsets.UTF_8) : null;
    }
}
