package org.hrm.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hrm.cli.KafkaLogin;
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

    /**
     * Creates and registers the parties (attested as the sandbox's gateway would; a practitioner vouched for by
     * {@link #INSTITUTION}, registered first); returns the key files written.
     */
    static List<Path> register(
            List<GatewayProperties.DevUser> users,
            Path keyDir,
            RecordPublisher publisher,
            SandboxAttester attester,
            KafkaLogin observer)
            throws Exception {
        Files.createDirectories(keyDir);
        List<Path> written = new ArrayList<>();
        Map<String, PartyKeys> keysById = new LinkedHashMap<>();
        Map<String, PartyKind> kinds = new LinkedHashMap<>();
        for (GatewayProperties.DevUser user : users) {
            if (user.role().equals("operator")) {
                continue;
            }
            PartyKeys keys = PartyKeys.generate(user.partyId());
            Path file = keyDir.resolve(user.partyId() + ".key.json");
            PartyKeyFile.save(keys, file);
            keysById.put(user.partyId(), keys);
            kinds.put(user.partyId(), PartyKind.valueOf(user.role().toUpperCase(Locale.ROOT)));
            written.add(file);
        }
        List<PartyRegistered> registrations = new ArrayList<>();
        keysById.forEach((partyId, keys) -> {
            PartyKind kind = kinds.get(partyId);
            boolean practitioner = kind == PartyKind.PRACTITIONER;
            registrations.add(attester.register(
                    keys, kind, practitioner ? INSTITUTION : null, practitioner ? keysById.get(INSTITUTION) : null));
        });
        SandboxAttester.publishInOrder(publisher, observer, registrations);
        return written;
    }
}
