package org.hrm.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
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
import org.hrm.crypto.Sha256;

/**
 * {@code ./hrm erase}: erases one record or all of an owner's records, signing the request with the owner's key
 * (--keystore) and handing it to the gateway as the owner, as the portal does, and prints the vault's signed receipt;
 * exit 1 with the reason when the gateway or the vault refused it. Public for the sandbox's erasure story and the
 * system tests, which erase as the command does.
 */
public final class ErasureCommands {
    static final Duration RECEIPT_TIMEOUT = Duration.ofSeconds(90);

    private ErasureCommands() {}

    static int erase(RecordCli.Erase args) throws Exception {
        PartyKeys owner = Session.keys(args.keystore);
        String ownerId = Optional.ofNullable(args.owner).orElse(owner.partyId());
        if (!ownerId.equals(owner.partyId())) {
            throw new UsageException("erase: --owner " + ownerId + " but the keystore is " + owner.partyId()
                    + "'s: only the owner can ask to erase its records");
        }
        Domain domain = args.domain;
        String recordId = args.record;
        if (recordId == null && !args.all) {
            throw new UsageException("erase: give --record ID or --all");
        }
        try (Session session = Session.open(args)) {
            ErasureReceipt receipt;
            try {
                receipt = erase(session, domain, owner, recordId);
            } catch (ErasureRefusedException e) {
                System.err.println("erasure refused: " + e.getMessage());
                return 1;
            }
            String json = new String(new EventCodec().encode(receipt), StandardCharsets.UTF_8);
            if (args.receipt != null) {
                Files.writeString(args.receipt, json);
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
     * Hands the request signed by the owner's key to the gateway, logged in as the owner (only the gateway writes
     * erasure-requested: a hospital's principal may not), and waits for the vault's signed receipt.
     *
     * @throws ErasureRefusedException with the gateway's reason if it refused the request, or the vault's if it
     *     dead-lettered it
     */
    public static ErasureReceipt erase(Session session, Domain domain, PartyKeys owner, String recordId)
            throws Exception {
        ErasureRequested request = new ErasureRequested(
                        UUID.randomUUID().toString(), domain, owner.partyId(), recordId, Instant.now(), null, null)
                .signedBy(owner.keyPair());
        try {
            session.gateway(owner.partyId()).requestErasure(request, RECEIPT_TIMEOUT);
        } catch (IllegalArgumentException e) {
            throw new ErasureRefusedException(e.getMessage());
        }
        String digest = HexFormat.of().formatHex(Sha256.digest(new EventCodec().encode(request)));
        // Receipts and the vault's dead letters are read as the sandbox's observer: a hospital may not (production's
        // owners get their receipts at the gateway).
        return awaitReceipt(session.observer(), domain, request.requestId(), digest);
    }

    /** The vault refused an erasure request (its dead-letter reason). */
    public static final class ErasureRefusedException extends Exception {
        ErasureRefusedException(String reason) {
            super(reason);
        }
    }

    /** Whether the receipt's signature verifies with the vault's key the endpoints file publishes. */
    public static boolean verifies(Endpoints endpoints, ErasureReceipt receipt) {
        byte[] vaultKey = Base64.getDecoder().decode(endpoints.vaultReceiptPublicKey());
        return ConsentSigner.verify(vaultKey, receipt.signedBytes(), receipt.vaultSignature());
    }

    /**
     * The receipt for the request, or its dead letter on the vault's dead-letter topic: a dead letter keeps the
     * original's SHA-256, not its payload, and the request (its id included) is what this CLI published.
     */
    private static ErasureReceipt awaitReceipt(
            KafkaLogin observer, Domain domain, String requestId, String payloadSha256)
            throws InterruptedException, ErasureRefusedException {
        EventCodec codec = new EventCodec();
        String receipts = Topic.ERASURE_RECEIPTS.name(domain);
        Object outcome = TopicReader.await(
                        observer.bootstrapServers(),
                        observer.settings(),
                        List.of(receipts, Topic.KEY_VAULT_DEAD_LETTER.topicName()),
                        message -> message.topic().equals(receipts)
                                ? (requestId.equals(message.key())
                                        ? codec.decode(message.value(), ErasureReceipt.class)
                                        : null)
                                : refusalOf(message, payloadSha256),
                        RECEIPT_TIMEOUT)
                .orElseThrow(() -> new IllegalStateException(
                        "no erasure receipt for request " + requestId + " within " + RECEIPT_TIMEOUT));
        if (outcome instanceof ErasureReceipt receipt) {
            return receipt;
        }
        throw new ErasureRefusedException((String) outcome);
    }

    /** The dead-letter reason if {@code message} is this erasure request dead-lettered; else null. */
    private static String refusalOf(ConsumerRecord<String, byte[]> message, String payloadSha256) {
        String topic = header(message, EventHeaders.DLT_ORIGINAL_TOPIC);
        String reason = header(message, EventHeaders.DLT_REASON);
        boolean ours = topic != null
                && Topic.ERASURE_REQUESTED.domainOf(topic).isPresent()
                && payloadSha256.equals(header(message, EventHeaders.DLT_PAYLOAD_SHA256));
        return ours ? reason : null;
    }

    private static String header(ConsumerRecord<String, byte[]> message, String name) {
        Header header = message.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
