package org.hrm.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.hrm.client.sdk.PartyKeyFile;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.contracts.events.PartyKeyRotated;
import org.hrm.contracts.events.PartyKind;
import org.hrm.contracts.events.PartyRegistered;

/**
 * {@code ./hrm register} and {@code ./hrm rotate-key}: a party's key pair into a keystore file, its public key into
 * the directory, and consent-service's verdict (accepted, or the dead-letter reason) as the exit code. A registration
 * or a lost-key rotation carries the gateway's attestation, asked for as a production client does ({@code POST
 * /api/attestations/{purpose}}), logged in at the sandbox's development login as the party itself: the CLI holds no
 * key of the platform's.
 */
final class PartyCommands {
    /** The exit code of a statement the gateway refused to attest, as of one consent-service refused. */
    private static final int REFUSED = 3;

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
            PartyRegistered proven = new PartyRegistered(
                            partyId, kind, keys.publicKey(), institution, Instant.now(), null, null, null)
                    .provenBy(keys);
            if (institutionKeys != null) {
                proven = proven.vouchedBy(institutionKeys);
            }
            String what = "registration of " + kind.name().toLowerCase(Locale.ROOT) + " " + partyId;
            PartyRegistered registration;
            try {
                registration = proven.withAttestation(
                        session.gatewayForNewParty(partyId, kind).attest(proven));
            } catch (IllegalArgumentException e) {
                System.err.println(what + " refused: " + e.getMessage());
                return REFUSED;
            }
            PartyKeyFile.save(keys, keystore);
            RecordMetadata sent = session.publisher.register(registration).join();
            System.err.println("private key in " + keystore + " (keep it safe: it opens this party's records)");
            return new OutcomeWatcher(session.observer())
                    .reportConsent(sent, OutcomeWatcher.CONSENT_PARTIES, what, args.timeout.duration());
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
            String what = "key rotation of " + old.partyId() + (lost ? " (lost key, attested)" : "");
            PartyKeyRotated rotation;
            try {
                rotation = lost
                        ? attested(session, old, next)
                        : PartyKeyRotated.rotate(old.partyId(), old.keyPair(), next.keyPair(), Instant.now());
            } catch (IllegalArgumentException e) {
                System.err.println(what + " refused: " + e.getMessage());
                return REFUSED;
            }
            PartyKeyFile.save(next, fresh);
            RecordMetadata sent = session.publisher.rotateKey(rotation).join();
            int exit = new OutcomeWatcher(session.observer())
                    .reportConsent(sent, OutcomeWatcher.CONSENT_PARTIES, what, args.timeout.duration());
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

    /** A rotation for a party that lost its key: proven by the new key, attested by the gateway instead of signed. */
    private static PartyKeyRotated attested(Session session, PartyKeys old, PartyKeys next) {
        PartyKeyRotated proven = PartyKeyRotated.draft(old.partyId(), old.publicKey(), next.publicKey(), Instant.now())
                .provenBy(next.keyPair());
        return proven.withAttestation(session.gateway(old.partyId()).attest(proven));
    }
}
