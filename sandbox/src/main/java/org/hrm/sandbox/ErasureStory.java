package org.hrm.sandbox;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hrm.cli.ChainVerifier;
import org.hrm.cli.ErasureCommands;
import org.hrm.cli.RecordCommands;
import org.hrm.cli.Session;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.contracts.events.ErasureReceipt;

/**
 * The erasure story: the patient erases one record, then all of them; every erased record is
 * unreadable by everyone (owner included) and answers "record erased", the others stay readable,
 * each erasure ends with a receipt signed by the vault, and the chain carries a tombstone per record.
 */
final class ErasureStory {
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private final Session session;
    private final RecordFetcher fetcher;
    private final Consumer<String> say;

    ErasureStory(Session session, Consumer<String> say) {
        this.session = session;
        this.fetcher = new RecordFetcher(session.observer(), session.publisher);
        this.say = say;
    }

    /**
     * @param patientRecords every record of one patient, in one domain; the first is erased alone
     * @param otherPatientRecord a record of someone else, which must stay readable throughout
     * @param readers everyone who could read before (the owner, the author, a doctor)
     */
    Map<String, Object> tell(
            List<ConsentStory.Subject> patientRecords,
            ConsentStory.Subject otherPatientRecord,
            List<PartyKeys> readers,
            PartyKeys otherOwner)
            throws Exception {
        ConsentStory.Subject first = patientRecords.get(0);
        PartyKeys owner = first.owner();
        ErasureReceipt one = ErasureCommands.erase(session, first.domain(), owner, first.recordId());
        report("one record", one);
        boolean othersReadable = readable(patientRecords.get(1), owner) && readable(otherPatientRecord, otherOwner);
        ErasureReceipt all = ErasureCommands.erase(session, first.domain(), owner, null);
        report("all records", all);
        boolean erasedUnreadable = patientRecords.stream().allMatch(record -> unreadableByAll(record, readers));
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("erasedUnreadable", erasedUnreadable);
        results.put("othersReadableAfterSingleErasure", othersReadable && readable(otherPatientRecord, otherOwner));
        results.put(
                "receiptsVerified",
                ErasureCommands.verifies(session.endpoints, one) && ErasureCommands.verifies(session.endpoints, all));
        // From the vault's receipts; the chain verifier counts the RecordErased logs independently.
        results.put("tombstones", one.tombstones().size() + all.tombstones().size());
        results.put(
                "tombstonesOnChain", new ChainVerifier(session.web3j).verify().get("tombstones"));
        return results;
    }

    private void report(String what, ErasureReceipt receipt) {
        say.accept("erased " + what + " of " + receipt.ownerId() + ": "
                + receipt.recordIds().size() + " record(s), "
                + receipt.keys().size() + " key(s) destroyed, "
                + receipt.tombstones().size()
                + " tombstone(s); receipt signed by the vault: "
                + ErasureCommands.verifies(session.endpoints, receipt));
    }

    private boolean readable(ConsentStory.Subject record, PartyKeys owner) {
        RecordFetcher.Answer answer = fetch(record, owner);
        return answer.allowed()
                && java.util.Arrays.equals(
                        RecordCommands.openVerified(
                                        session.observer(), session.directory(), answer.released(), owner, owner)
                                .plaintext(),
                        record.plaintext());
    }

    private boolean unreadableByAll(ConsentStory.Subject record, List<PartyKeys> readers) {
        for (PartyKeys reader : readers) {
            RecordFetcher.Answer answer = fetch(record, reader);
            String outcome = answer.allowed() ? "RELEASED" : answer.denied().reason();
            say.accept(reader.partyId() + " asks for erased record " + record.recordId() + ": " + outcome);
            if (answer.allowed() || !"record erased".equals(answer.denied().reason())) {
                return false;
            }
        }
        return true;
    }

    private RecordFetcher.Answer fetch(ConsentStory.Subject record, PartyKeys reader) {
        return fetcher.fetch(record.recordId(), record.domain(), reader, "TREAT", null, ANSWER_TIMEOUT);
    }
}
