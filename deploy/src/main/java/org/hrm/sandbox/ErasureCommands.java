package org.hrm.sandbox;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.hrm.client.kafka.TopicReader;
import org.hrm.client.sdk.ConsentSigner;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.ErasureReceipt;
import org.hrm.contracts.events.ErasureRequested;

/** {@code ./hrm erase}: erases one record or all of an owner's records and prints the signed receipt. */
final class ErasureCommands {
    static final Duration RECEIPT_TIMEOUT = Duration.ofSeconds(90);

    private ErasureCommands() {}

    static int erase(Args args) throws Exception {
        String ownerId = args.required("owner");
        Domain domain = Session.domain(args);
        String recordId = args.optional("record").orElse(null);
        if (recordId == null && args.optional("all").isEmpty()) {
            throw new Args.UsageException("erase: give --record ID or --all");
        }
        try (Session session = Session.open(args)) {
            ErasureReceipt receipt = erase(session, domain, ownerId, recordId);
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

    /** Publishes the request (as the gateway will) and waits for the vault's signed receipt. */
    static ErasureReceipt erase(Session session, Domain domain, String ownerId, String recordId) throws Exception {
        ErasureRequested request =
                new ErasureRequested(UUID.randomUUID().toString(), domain, ownerId, recordId, Instant.now());
        session.publisher.requestErasure(request).join();
        return awaitReceipt(session.endpoints.kafkaBootstrapServers(), domain, request.requestId());
    }

    static boolean verifies(Endpoints endpoints, ErasureReceipt receipt) {
        byte[] vaultKey = Base64.getDecoder().decode(endpoints.vaultReceiptPublicKey());
        return ConsentSigner.verify(vaultKey, receipt.signedBytes(), receipt.vaultSignature());
    }

    private static ErasureReceipt awaitReceipt(String bootstrapServers, Domain domain, String requestId)
            throws InterruptedException {
        EventCodec codec = new EventCodec();
        return TopicReader.await(
                        bootstrapServers,
                        List.of(Topic.ERASURE_RECEIPTS.name(domain)),
                        message -> requestId.equals(message.key())
                                ? codec.decode(message.value(), ErasureReceipt.class)
                                : null,
                        RECEIPT_TIMEOUT)
                .orElseThrow(() -> new IllegalStateException(
                        "no erasure receipt for request " + requestId + " within " + RECEIPT_TIMEOUT));
    }
}
