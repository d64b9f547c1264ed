package org.hrm.client.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.hrm.contracts.authority.PartyHistories;
import org.hrm.contracts.events.PartyHistory;

/**
 * The party directory as a client sees it: each party's signed history from the compacted directory topic
 * ({@link Topic#PARTY_DIRECTORY}), replayed through the same {@link DirectoryRules} consent-service applies (an
 * attested, self-proven registration, rotations signed by the key before them or attested), so the client checks
 * every signature itself and takes no service's word, and a squatter's key is never the one it encrypts to.
 *
 * <p>A party whose history is refused is not in the directory: {@link #publicKey} names the reason, and each refusal
 * goes to the warning sink. Refused: a value that does not decode, one filed under another party's key, one that
 * does not replay, and a latest value that does not continue an earlier one still on the topic (a history only grows:
 * anything else was rewritten or rolled back). An older copy is never used instead: it may predate a rotation made
 * because a key leaked.
 */
public final class PartyDirectory {
    private static final String HISTORY = EventCodec.typeName(PartyHistory.class);

    private final Map<String, DirectoryEntry> parties;
    private final Map<String, String> refusals;

    private PartyDirectory(Map<String, DirectoryEntry> parties, Map<String, String> refusals) {
        this.parties = parties;
        this.refusals = refusals;
    }

    /**
     * Reads the directory topic from the beginning to its current end.
     *
     * @param trusted the gateway attestation keys (the sandbox lists them in endpoints.json; the gateway publishes
     *     them at {@code /api/attestation-keys})
     * @param warnings where a refused party is reported (one line each)
     */
    public static PartyDirectory read(String bootstrapServers, AttestationKeys trusted, Consumer<String> warnings) {
        return read(bootstrapServers, Map.of(), trusted, warnings);
    }

    /** {@link #read(String, AttestationKeys, Consumer)} as a principal: {@code settings} are its security settings. */
    public static PartyDirectory read(
            String bootstrapServers, Map<String, ?> settings, AttestationKeys trusted, Consumer<String> warnings) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        TopicReader.readAll(bootstrapServers, settings, List.of(Topic.PARTY_DIRECTORY.topicName()), records::add);
        return of(records, trusted, warnings);
    }

    /** The directory from the topic's records, oldest first per partition (as {@link #read} hands them). */
    static PartyDirectory of(
            List<ConsumerRecord<String, byte[]>> records, AttestationKeys trusted, Consumer<String> warnings) {
        EventCodec codec = new EventCodec();
        Map<String, List<ConsumerRecord<String, byte[]>>> byParty = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.key() == null) {
                warnings.accept("skipped a directory value without a key at " + where(record));
            } else if (record.value() == null) {
                byParty.remove(record.key()); // a tombstone: the party is gone from the compacted topic
            } else {
                byParty.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(record);
            }
        }
        Map<String, PartyHistory> histories = new HashMap<>();
        Map<String, String> refusals = new HashMap<>();
        byParty.forEach((partyId, values) -> {
            String refusal = shapeRefusal(codec, partyId, values);
            if (refusal == null) {
                histories.put(partyId, decode(codec, values.get(values.size() - 1)));
            } else {
                refusals.put(partyId, refusal);
            }
        });
        PartyHistories rules = new PartyHistories(new DirectoryRules(trusted));
        Map<String, DirectoryEntry> parties = new HashMap<>();
        histories.forEach((partyId, history) -> {
            DirectoryDecision decision = rules.verify(history, other -> Optional.ofNullable(histories.get(other)));
            if (decision.accepted()) {
                parties.put(partyId, decision.entry());
            } else {
                refusals.put(partyId, decision.refusal());
            }
        });
        refusals.values().forEach(reason -> warnings.accept("refused a directory history: " + reason));
        return new PartyDirectory(parties, refusals);
    }

    /** Why the party's values cannot stand (one unreadable, filed under another id, or not continued); else null. */
    private static String shapeRefusal(EventCodec codec, String partyId, List<ConsumerRecord<String, byte[]>> values) {
        PartyHistory before = null;
        for (ConsumerRecord<String, byte[]> value : values) {
            PartyHistory history;
            try {
                history = decode(codec, value);
            } catch (InvalidEventException e) {
                return "history of " + partyId + " at " + where(value) + " is unreadable: " + e.getMessage();
            }
            if (!history.partyId().equals(partyId)) {
                return "history at " + where(value) + " is filed under " + partyId + " but is " + history.partyId()
                        + "'s";
            }
            if (before != null && !PartyHistories.continues(history, before, codec)) {
                return "history of " + partyId + " at " + where(value)
                        + " does not continue the one before it (rewritten or rolled back)";
            }
            before = history;
        }
        return null;
    }

    private static PartyHistory decode(EventCodec codec, ConsumerRecord<String, byte[]> record) {
        String type = header(record, EventHeaders.EVENT_TYPE);
        if (type != null && !type.equals(HISTORY)) {
            throw new InvalidEventException("event type " + type + ", not " + HISTORY);
        }
        Optional<String> version = EventCodec.schemaVersionRefusal(header(record, EventHeaders.SCHEMA_VERSION));
        if (version.isPresent()) {
            throw new InvalidEventException(version.get());
        }
        return codec.decode(record.value(), PartyHistory.class);
    }

    private static String where(ConsumerRecord<String, byte[]> record) {
        return "offset " + record.partition() + "@" + record.offset();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The party's verified entry; empty when it is not in the directory or its history was refused. */
    public Optional<DirectoryEntry> find(String partyId) {
        return Optional.ofNullable(parties.get(partyId));
    }

    /** Why the party's history was refused, if it was. */
    public Optional<String> refusal(String partyId) {
        return Optional.ofNullable(refusals.get(partyId));
    }

    /** The party's current public key (what new shares are sealed to), or a clear error why there is none. */
    public byte[] publicKey(String partyId) {
        return find(partyId)
                .orElseThrow(() -> new IllegalArgumentException(refusal(partyId)
                        .map(reason -> "party " + partyId + " is refused by the directory: " + reason)
                        .orElse("party " + partyId + " is not registered")))
                .publicKey();
    }
}
