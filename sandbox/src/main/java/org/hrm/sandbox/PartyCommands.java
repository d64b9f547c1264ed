package org.hrm.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.hrm.cli.UsageException;
import org.hrm.client.sdk.PartyKeyFile;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.contracts.events.PartyKeyRotated;
import org.hrm.contracts.events.PartyKind;
import org.hrm.contracts.events.PartyRegistered;

/**
 * {@code ./hrm register} and {@code ./hrm rotate-key}: a party's key pair into a keystore file, its public key into
 * the directory, and consent-service's verdict (accepted, or the dead-letter reason) as the exit code.
 */
final class PartyCommands {
    private PartyCommands() {}

    static int register(PartyCli.Register args) throws Exception {
        String partyId = args.id;
        PartyKind kind = args.kind;
        Path keystore = Optional.ofNullable(args.keystore).orElse(Path.of(partyId + ".key.json"));
        if (Files.exists(keystore)) {
            throw new UsageException("register: " + keystore + " exists; refusing to overwrite a key");
        }
        String institution = args.institution;
        PartyKeys institutionKeys =
                args.institutionKeystore != null ? PartyKeyFile.load(args.institutionKeystore) : null;
        if (kind == PartyKind.PRACTITIONER && (institution == null || institutionKeys == null)) {
            throw new UsageException(
                    "register: a practitioner needs --institution ID and --institution-keystore FILE (its vouching)");
        }
        try (Session session = Session.open(args)) {
            PartyKeys keys = PartyKeys.generate(partyId);
            PartyKeyFile.save(keys, keystore);
            PartyRegistered registration =
                    SandboxAttester.of(session.endpoints).register(keys, kind, institution, institutionKeys);
            RecordMetadata sent = session.publisher.register(registration).join();
            System.err.println("private key in " + keystore + " (keep it safe: it opens this party's records)");
            return new OutcomeWatcher(session.observer())
                    .reportConsent(
                            sent,
                            OutcomeWatcher.CONSENT_PARTIES,
                            "registration of " + kind.name().toLowerCase(Locale.ROOT) + " " + partyId,
                            args.timeout.duration());
        }
    }

    static int rotateKey(PartyCli.RotateKey args) throws Exception {
        Path keystore = args.keystore;
        PartyKeys old = Session.keys(keystore);
        boolean lost = args.lost;
        Path fresh = Optional.ofNullable(args.newKeystore).orElse(Path.of(keystore + ".new"));
        if (Files.exists(fresh)) {
            throw new UsageException("rotate-key: " + fresh + " exists; refusing to overwrite a key");
        }
        try (Session session = Session.open(args)) {
            PartyKeys next = PartyKeys.generate(old.partyId());
            PartyKeyFile.save(next, fresh);
            PartyKeyRotated rotation = lost
                    ? SandboxAttester.of(session.endpoints).lostKey(old.partyId(), old.publicKey(), next)
                    : PartyKeyRotated.rotate(old.partyId(), old.keyPair(), next.keyPair(), java.time.Instant.now());
            RecordMetadata sent = session.publisher.rotateKey(rotation).join();
            int exit = new OutcomeWatcher(session.observer())
                    .reportConsent(
                            sent,
                            OutcomeWatcher.CONSENT_PARTIES,
                            "key rotation of " + old.partyId() + (lost ? " (lost key, attested)" : ""),
                            args.timeout.duration());
            if (exit == 0 && args.newKeystore == null) {
                // The old key still opens what was shared before the rotation: kept beside, never deleted here.
                Files.move(keystore, Path.of(keystore + ".old"), StandardCopyOption.REPLACE_EXISTING);
                Files.move(fresh, keystore);
                System.err.println("new key in " + keystore + "; the old one in " + keystore + ".old");
            } else if (exit == 0) {
                System.err.println("new key in " + fresh);
            }
            return exit;
        }
    }
}
