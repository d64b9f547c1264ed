package org.hrm.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.hrm.client.kafka.RecordFetcher;
import org.hrm.client.kafka.StandingGrantsView;
import org.hrm.client.sdk.EncryptedRecord;
import org.hrm.client.sdk.PartyKeyFile;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.client.sdk.RecordDecryptor;
import org.hrm.client.sdk.RecordEncryptor;
import org.hrm.contracts.Domain;
import org.hrm.contracts.events.RecordReleased;

/** {@code ./hrm submit} and {@code ./hrm fetch}: a record in from a file, a record out to stdout or a file. */
final class RecordCommands {
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(30);

    private RecordCommands() {}

    static int submit(Args args) throws Exception {
        PartyKeys author = Session.keys(args);
        String ownerId = args.required("owner");
        Domain domain = Session.domain(args);
        byte[] plaintext = Files.readAllBytes(Path.of(args.required("file")));
        String category = args.optional("category").orElse(null);
        try (Session session = Session.open(args)) {
            String recordId = UUID.randomUUID().toString();
            Map<String, byte[]> readers = new LinkedHashMap<>();
            readers.put(ownerId, session.directory().publicKey(ownerId));
            readers.putAll(StandingGrantsView.granteesCovering(
                    session.endpoints.kafkaBootstrapServers(), domain, ownerId, recordId, category));
            EncryptedRecord record =
                    new RecordEncryptor().encrypt(recordId, domain, ownerId, author, plaintext, readers);
            session.publisher
                    .publish(record.toSubmitted(java.time.Instant.now(), category))
                    .join();
            System.out.println(recordId);
            System.err.println("submitted " + domain.id() + " record " + recordId + " for " + ownerId + ", readable by "
                    + String.join(", ", readers.keySet()) + " and the author");
            return 0;
        }
    }

    static int fetch(Args args) throws Exception {
        PartyKeys reader = Session.keys(args);
        Domain domain = Session.domain(args);
        String recordId = args.required("record");
        String ownerId = args.required("owner");
        String emergency = args.optional("emergency").orElse(null);
        try (Session session = Session.open(args)) {
            RecordFetcher.Answer answer = new RecordFetcher(
                            session.endpoints.kafkaBootstrapServers(), session.publisher)
                    .fetch(
                            recordId,
                            domain,
                            reader,
                            args.optional("purpose").orElse("TREAT"),
                            emergency,
                            FETCH_TIMEOUT);
            if (!answer.allowed()) {
                System.err.println("denied: " + answer.denied().reason());
                return 3;
            }
            byte[] plaintext = open(answer.released(), ownerId, shareHolder(args, reader, answer.released()));
            writeOut(args, plaintext);
            return 0;
        }
    }

    /** For emergency access the vault releases the institution's share: open it with the institution's key. */
    private static PartyKeys shareHolder(Args args, PartyKeys reader, RecordReleased released) throws Exception {
        if (released.share().readerId().equals(reader.partyId())) {
            return reader;
        }
        String institutionKeystore = args.optional("institution-keystore")
                .orElseThrow(() -> new Args.UsageException("the vault released the share of "
                        + released.share().readerId() + ": pass --institution-keystore"));
        return PartyKeyFile.load(Path.of(institutionKeystore));
    }

    static byte[] open(RecordReleased released, String ownerId, PartyKeys holder) {
        return new RecordDecryptor()
                .decrypt(
                        released.recordId(),
                        released.domain(),
                        ownerId,
                        released.innerCiphertext(),
                        released.share(),
                        holder);
    }

    private static void writeOut(Args args, byte[] plaintext) throws Exception {
        if (args.optional("out").isPresent()) {
            Files.write(Path.of(args.required("out")), plaintext);
            System.err.println("wrote " + plaintext.length + " bytes to " + args.required("out"));
        } else {
            System.out.write(plaintext);
            System.out.flush();
        }
    }
}
