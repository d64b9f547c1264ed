package org.hrm.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hrm.client.kafka.PartyDirectory;
import org.hrm.client.sdk.EncryptedRecord;
import org.hrm.client.sdk.PartyKeyFile;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.client.sdk.RecordDecryptor;
import org.hrm.client.sdk.RecordEncryptor;
import org.hrm.client.sdk.ReleaseAnswer;
import org.hrm.client.sdk.UnverifiedRecordException;
import org.hrm.contracts.Domain;
import org.hrm.contracts.authority.DirectoryEntry;
import org.hrm.contracts.events.RecordReleased;
import org.hrm.contracts.events.RecordSubmitted;

/**
 * {@code ./hrm submit} and {@code ./hrm fetch}: a record in from a file, a record out to stdout or a file. Both reach
 * what a party's Kafka principal may not read through the gateway, logged in as the keystore's party: {@code submit}
 * asks it for the owner's standing grantees, {@code fetch} asks it for the release. {@code fetch} prints a record only
 * if its provenance verifies (the author's signature against the keys the directory says
 * it held, {@link org.hrm.contracts.authority.ProvenanceKeyRule}), and exits 4 with the reason otherwise. Public for
 * the sandbox's stories and the system tests, which open releases as {@code fetch} does.
 */
public final class RecordCommands {
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(30);

    private RecordCommands() {}

    static int submit(RecordCli.Submit args) throws Exception {
        PartyKeys author = Session.keys(args.keystore);
        String ownerId = args.owner;
        Domain domain = args.domain;
        byte[] plaintext = Files.readAllBytes(args.file);
        String category = args.category;
        try (Session session = Session.open(args)) {
            String recordId = UUID.randomUUID().toString();
            PartyDirectory directory = session.directory();
            Map<String, byte[]> readers = new LinkedHashMap<>();
            readers.put(ownerId, directory.publicKey(ownerId));
            // Who the owner's standing grants name, from the gateway (the author's principal may not read them);
            // each grantee's key from the directory this command verified, not from the gateway's answer.
            for (String granteeId : session.gateway(author.partyId()).covering(domain, ownerId, category)) {
                readers.put(granteeId, directory.publicKey(granteeId));
            }
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

    static int fetch(RecordCli.Fetch args) throws Exception {
        PartyKeys reader = Session.keys(args.keystore);
        Domain domain = args.domain;
        String recordId = args.record;
        String ownerId = args.owner;
        String emergency = args.emergency;
        try (Session session = Session.open(args)) {
            ReleaseAnswer answer =
                    session.gateway(reader.partyId()).fetch(recordId, args.purpose, emergency, FETCH_TIMEOUT);
            if (!answer.allowed()) {
                System.err.println("denied: " + answer.deniedReason());
                return 3;
            }
            RecordReleased released = answer.released();
            byte[] vaultKey = Base64.getDecoder().decode(session.endpoints.vaultReceiptPublicKey());
            byte[] plaintext;
            try {
                Verified verified = openVerified(
                        answer,
                        session.directory(),
                        reader,
                        shareHolder(args, reader, released),
                        // The vault's signed seal is on record-sealed, which a hospital may not read and the gateway
                        // does not serve yet: the sandbox's CLI reads it as its observer.
                        signature -> SealedRecords.sealedAt(
                                session.observer(), released.domain(), released.recordId(), signature, vaultKey));
                if (!verified.submission().ownerId().equals(ownerId)) {
                    System.err.println("the record's owner is "
                            + verified.submission().ownerId() + ", not " + ownerId + ": not shown");
                    return 4;
                }
                plaintext = verified.plaintext();
                System.err.println("provenance verified: written by "
                        + verified.submission().authorId()
                        + " (signature checked against the keys it held), envelope v"
                        + verified.submission().envelopeVersion());
            } catch (UnverifiedRecordException e) {
                System.err.println("PROVENANCE NOT VERIFIED, the record is not shown: " + e.getMessage());
                return 4;
            }
            writeOut(args, plaintext);
            return 0;
        }
    }

    /** For emergency access the vault releases the institution's share: open it with the institution's key. */
    private static PartyKeys shareHolder(RecordCli.Fetch args, PartyKeys reader, RecordReleased released)
            throws Exception {
        if (released.share().readerId().equals(reader.partyId())) {
            return reader;
        }
        Path institutionKeystore = Optional.ofNullable(args.institutionKeystore)
                .orElseThrow(() -> new UsageException("the vault released the share of "
                        + released.share().readerId() + ": pass --institution-keystore"));
        return PartyKeyFile.load(institutionKeystore);
    }

    /** A released record whose provenance verified, and the submission it verified against. */
    public record Verified(byte[] plaintext, RecordSubmitted submission) {}

    /**
     * Opens a release as its requester and presents it only if its provenance verifies: the provenance the release
     * carries (the vault's copy of what it sealed), or for a record sealed before the vault kept it, the submission of
     * exactly the released C1 from the record-submitted topic (kept about an hour); judged against its author's key
     * history from the party directory ({@link org.hrm.contracts.authority.ProvenanceKeyRule}). Without the vault's key
     * no sealing time is established, so a record signed with a key its author reported lost is refused.
     *
     * @throws UnverifiedRecordException if no provenance is left, or it is another record's or does not verify
     */
    public static Verified openVerified(
            KafkaLogin observer,
            PartyDirectory directory,
            RecordReleased released,
            PartyKeys requester,
            PartyKeys holder) {
        return openVerified(observer, directory, released, requester, holder, null);
    }

    /**
     * The same, with the vault's published key: a record signed with a key its author reported lost is then accepted
     * if the vault's signed {@code RecordSealed} shows it sealed before the report.
     *
     * @param vaultPublicKey the vault's published signing key, or null to establish no sealing time
     */
    public static Verified openVerified(
            KafkaLogin observer,
            PartyDirectory directory,
            RecordReleased released,
            PartyKeys requester,
            PartyKeys holder,
            byte[] vaultPublicKey) {
        RecordDecryptor decryptor = new RecordDecryptor();
        byte[] innerCiphertext = decryptor.openReleased(released, requester);
        RecordSubmitted submission = SubmittedRecords.forRelease(observer, released, innerCiphertext)
                .orElseThrow(() -> new UnverifiedRecordException("the release carries no provenance (the record was"
                        + " sealed before the vault kept it) and its submission is no longer on the record-submitted"
                        + " topic: provenance unverifiable"));
        DirectoryEntry author = directory.find(submission.authorId()).orElse(null);
        Supplier<Optional<Instant>> sealedAt = () -> vaultPublicKey == null
                ? Optional.empty()
                : SealedRecords.sealedAt(
                        observer, released.domain(), released.recordId(), submission.authorSignature(), vaultPublicKey);
        return new Verified(decryptor.open(released, submission, requester, holder, author, sealedAt), submission);
    }

    /**
     * Opens a release the gateway handed out and presents it only if its provenance verifies: the provenance the
     * release carries, else the one the gateway reports, paired with the released C1 (untrusted: the author's signature
     * covers SHA-256 of C1); judged against the author's key history from the party directory. {@code sealedAt} is
     * asked only for a signature by a key its author reported lost, given that signature; it must be a time the reader
     * can vouch for (the vault-signed seal), never the gateway's word.
     *
     * @throws UnverifiedRecordException if no provenance is known, or it is another record's or does not verify
     */
    public static Verified openVerified(
            ReleaseAnswer answer,
            PartyDirectory directory,
            PartyKeys requester,
            PartyKeys holder,
            Function<byte[], Optional<Instant>> sealedAt) {
        RecordDecryptor decryptor = new RecordDecryptor();
        RecordReleased released = answer.released();
        byte[] innerCiphertext = decryptor.openReleased(released, requester);
        RecordSubmitted submission = answer.submissionOf(innerCiphertext)
                .orElseThrow(() -> new UnverifiedRecordException("the gateway gave no provenance with the release (a"
                        + " record sealed before the vault kept it, whose submission the gateway no longer has):"
                        + " provenance unverifiable"));
        DirectoryEntry author = directory.find(submission.authorId()).orElse(null);
        return new Verified(
                decryptor.open(
                        released,
                        submission,
                        requester,
                        holder,
                        author,
                        () -> sealedAt.apply(submission.authorSignature())),
                submission);
    }

    /** Opens a release without provenance: the requester opens C1's seal, the share holder the share. */
    public static byte[] open(RecordReleased released, String ownerId, PartyKeys requester, PartyKeys holder) {
        RecordDecryptor decryptor = new RecordDecryptor();
        return decryptor.decrypt(
                released.recordId(),
                released.domain(),
                ownerId,
                decryptor.openReleased(released, requester),
                released.share(),
                holder);
    }

    private static void writeOut(RecordCli.Fetch args, byte[] plaintext) throws Exception {
        if (args.out != null) {
            Files.write(args.out, plaintext);
            System.err.println("wrote " + plaintext.length + " bytes to " + args.out);
        } else {
            System.out.write(plaintext);
            System.out.flush();
        }
    }
}
