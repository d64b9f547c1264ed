package org.hrm.sandbox;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.hrm.cli.RecordCommands;
import org.hrm.cli.Session;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.client.sdk.UnverifiedRecordException;

/**
 * The protocol v2 part of the demo: a record written now (envelope v2) and one written as before the upgrade (envelope
 * v1, submitted through the SDK's v1 writer kept for compatibility) both open for their owners, each only after its
 * author's signature verified against the party directory.
 */
final class UpgradeStory {
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private final Session session;
    private final RecordFetcher fetcher;
    private final Consumer<String> say;

    UpgradeStory(Session session, Consumer<String> say) {
        this.session = session;
        this.fetcher = new RecordFetcher(session.observer(), session.publisher);
        this.say = say;
    }

    /** {@code envelopeVersion} of the new record, {@code provenanceVerified} for both, {@code v1RecordReadable}. */
    Map<String, Object> tell(ConsentStory.Subject current, ConsentStory.Subject beforeUpgrade) {
        Read now = read(current);
        Read old = read(beforeUpgrade);
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("envelopeVersion", now.envelopeVersion());
        outcome.put("provenanceVerified", now.verified() && old.verified());
        outcome.put("v1RecordReadable", old.verified() && old.envelopeVersion() == 1);
        return outcome;
    }

    private Read read(ConsentStory.Subject record) {
        PartyKeys owner = record.owner();
        RecordFetcher.Answer answer =
                fetcher.fetch(record.recordId(), record.domain(), owner, "TREAT", null, ANSWER_TIMEOUT);
        if (!answer.allowed()) {
            say.accept(owner.partyId() + " was denied " + record.recordId() + ": "
                    + answer.denied().reason());
            return new Read(false, 0);
        }
        try {
            RecordCommands.Verified verified = RecordCommands.openVerified(
                    session.observer(), session.directory(), answer.released(), owner, owner);
            boolean exact = Arrays.equals(verified.plaintext(), record.plaintext());
            int version = verified.submission().envelopeVersion();
            say.accept(owner.partyId() + " read " + record.recordId() + " (envelope v" + version + "): provenance "
                    + "verified against " + verified.submission().authorId() + "'s keys"
                    + (exact ? ", the exact original bytes" : ", DIFFERENT bytes"));
            return new Read(exact, version);
        } catch (UnverifiedRecordException e) {
            say.accept(owner.partyId() + " could not verify " + record.recordId() + ": " + e.getMessage());
            return new Read(false, 0);
        }
    }

    private record Read(boolean verified, int envelopeVersion) {}
}
