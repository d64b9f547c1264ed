package org.hrm.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hrm.client.kafka.RecordPublisher;
import org.hrm.client.sdk.PartyKeyFile;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.contracts.events.PartyKind;
import org.hrm.contracts.events.PartyRegistered;
import org.hrm.gateway.config.GatewayProperties;

/**
 * The gateway's development users as parties: a key file each in {@code .sandbox/keys} (what the portal asks a
 * patient or doctor to load) and their public keys in the directory. Operators are not parties.
 */
final class DevParties {
    static final String INSTITUTION = "hospital-a";

    private DevParties() {}

    /** Creates and registers the parties; returns the key files written. */
    static List<Path> register(List<GatewayProperties.DevUser> users, Path keyDir, RecordPublisher publisher)
            throws Exception {
        Files.createDirectories(keyDir);
        List<Path> written = new ArrayList<>();
        for (GatewayProperties.DevUser user : users) {
            if (user.role().equals("operator")) {
                continue;
            }
            PartyKind kind = PartyKind.valueOf(user.role().toUpperCase(Locale.ROOT));
            PartyKeys keys = PartyKeys.generate(user.partyId());
            Path file = keyDir.resolve(user.partyId() + ".key.json");
            PartyKeyFile.save(keys, file);
            String institution = kind == PartyKind.PRACTITIONER ? INSTITUTION : null;
            publisher
                    .register(new PartyRegistered(user.partyId(), kind, keys.publicKey(), institution, Instant.now()))
                    .join();
            written.add(file);
        }
        return written;
    }
}
