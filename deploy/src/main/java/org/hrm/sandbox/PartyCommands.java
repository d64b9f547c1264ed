package org.hrm.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.hrm.client.sdk.PartyKeyFile;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.contracts.events.PartyKind;
import org.hrm.contracts.events.PartyRegistered;

/** {@code ./hrm register}: a new party's key pair into a keystore file, its public key into the directory. */
final class PartyCommands {
    private PartyCommands() {}

    static int register(Args args) throws Exception {
        String partyId = args.required("id");
        PartyKind kind = kind(args.required("kind"));
        Path keystore = Path.of(args.optional("keystore").orElse(partyId + ".key.json"));
        if (Files.exists(keystore)) {
            throw new Args.UsageException("register: " + keystore + " exists; refusing to overwrite a key");
        }
        try (Session session = Session.open(args)) {
            PartyKeys keys = PartyKeys.generate(partyId);
            PartyKeyFile.save(keys, keystore);
            String institution = args.optional("institution").orElse(null);
            session.publisher
                    .register(new PartyRegistered(partyId, kind, keys.publicKey(), institution, Instant.now()))
                    .join();
            System.out.println("registered " + kind.name().toLowerCase(Locale.ROOT) + " " + partyId
                    + "; private key in " + keystore + " (keep it safe: it opens this party's records)");
            return 0;
        }
    }

    private static PartyKind kind(String value) {
        try {
            return PartyKind.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException("--kind must be patient, practitioner or system, not '" + value + "'");
        }
    }
}
