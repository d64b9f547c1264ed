package org.hrm.client.kafka;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.InvalidEventException;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.PartyRegistered;

/**
 * The party directory as a client sees it: every registration on the directory topic, first key
 * per party wins (consent-service rejects a second key for the same id the same way).
 */
public final class PartyDirectory {
    private final Map<String, PartyRegistered> parties;

    private PartyDirectory(Map<String, PartyRegistered> parties) {
        this.parties = parties;
    }

    /** Reads the directory topic from the beginning to its current end. */
    public static PartyDirectory read(String bootstrapServers) {
        EventCodec codec = new EventCodec();
        Map<String, PartyRegistered> parties = new HashMap<>();
        TopicReader.readAll(bootstrapServers, List.of(Topic.PARTY_REGISTERED.topicName()), record -> {
            try {
                PartyRegistered party = codec.decode(record.value(), PartyRegistered.class);
                parties.putIfAbsent(party.partyId(), party);
            } catch (InvalidEventException e) {
                // Malformed registrations are consent-service's to reject; a client just skips them.
            }
        });
        return new PartyDirectory(parties);
    }

    public Optional<PartyRegistered> find(String partyId) {
        return Optional.ofNullable(parties.get(partyId));
    }

    /** The party's public key, or a clear error naming the missing party. */
    public byte[] publicKey(String partyId) {
        return find(partyId)
                .orElseThrow(() -> new IllegalArgumentException("party " + partyId + " is not registered"))
                .publicKey();
    }
}
