package org.hrm.client.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.InvalidEventException;
import org.hrm.contracts.Topic;
import org.hrm.contracts.authority.AttestationKeys;
import org.hrm.contracts.authority.DirectoryDecision;
import org.hrm.contracts.authority.DirectoryEntry;
import org.hrm.contracts.authority.DirectoryRules;
import org.hrm.contracts.events.PartyKeyRotated;
import org.hrm.contracts.events.PartyRegistered;

/**
 * The party directory as a client sees it: every registration and key rotation on the directory topic, judged by the
 * same {@link DirectoryRules} consent-service applies (an attested registration wins, a rotation needs the old key or
 * a fresh attestation), so a squatter's key is never the one a client encrypts to. Unreadable or refused events are
 * skipped, each reported to the warning sink.
 */
public final class PartyDirectory {
    private static final String ROTATION = EventCodec.typeName(PartyKeyRotated.class);

    private final Map<String, DirectoryEntry> parties;

    private PartyDirectory(Map<String, DirectoryEntry> parties) {
        this.parties = parties;
    }

    /**
     * Reads the directory topic from the beginning to its current end.
     *
     * @param trusted the gateway attestation keys (the sandbox lists them in endpoints.json; the gateway publishes
     *     them at {@code /api/attestation-keys})
     * @param warnings where a skipped event is reported (one line each)
     */
    public static PartyDirectory read(String bootstrapServers, AttestationKeys trusted, Consumer<String> warnings) {
        EventCodec codec = new EventCodec();
        List<Object> events = new ArrayList<>();
        TopicReader.readAll(bootstrapServers, List.of(Topic.PARTY_REGISTERED.topicName()), record -> {
            try {
                events.add(
                        ROTATION.equals(type(record))
                                ? codec.decode(record.value(), PartyKeyRotated.class)
                                : codec.decode(record.value(), PartyRegistered.class));
            } catch (InvalidEventException e) {
                warnings.accept("skipped an unreadable directory event at offset " + record.partition() + "@"
                        + record.offset() + ": " + e.getMessage());
            }
        });
        return new PartyDirectory(apply(new DirectoryRules(trusted), events, warnings));
    }

    /**
     * Applies the events in topic order, then once more those refused: parties travel on different partitions, so
     * a practitioner's registration may be read before its institution's.
     */
    private static Map<String, DirectoryEntry> apply(
            DirectoryRules rules, List<Object> events, Consumer<String> warnings) {
        Map<String, DirectoryEntry> parties = new HashMap<>();
        List<Object> refused = new ArrayList<>();
        events.forEach(event -> decide(rules, parties, event).refusalReason().ifPresent(reason -> refused.add(event)));
        refused.forEach(event -> decide(rules, parties, event)
                .refusalReason()
                .ifPresent(reason -> warnings.accept("skipped a directory event: " + reason)));
        return parties;
    }

    private static DirectoryDecision decide(DirectoryRules rules, Map<String, DirectoryEntry> parties, Object event) {
        DirectoryDecision decision;
        if (event instanceof PartyKeyRotated rotation) {
            decision = rules.rotate(rotation, parties.get(rotation.partyId()));
        } else {
            PartyRegistered registration = (PartyRegistered) event;
            DirectoryEntry institution =
                    registration.institutionId() == null ? null : parties.get(registration.institutionId());
            decision = rules.register(registration, parties.get(registration.partyId()), institution);
        }
        if (decision.accepted()) {
            parties.put(decision.entry().partyId(), decision.entry());
        }
        return decision;
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(EventHeaders.EVENT_TYPE);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public Optional<DirectoryEntry> find(String partyId) {
        return Optional.ofNullable(parties.get(partyId));
    }

    /** The party's current public key (what new shares are sealed to), or a clear error naming the missing party. */
    public byte[] publicKey(String partyId) {
        return find(partyId)
                .orElseThrow(() -> new IllegalArgumentException("party " + partyId + " is not registered"))
                .publicKey();
    }
}
