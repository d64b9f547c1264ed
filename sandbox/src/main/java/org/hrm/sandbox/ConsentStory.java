package org.hrm.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hrm.cli.ChainRecords;
import org.hrm.cli.ConsentCommands;
import org.hrm.cli.RecordCommands;
import org.hrm.cli.Session;
import org.hrm.client.sdk.ConsentSigner;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.contracts.Domain;
import org.hrm.contracts.events.ConsentGranted;
import org.hrm.contracts.events.GrantScope;

/**
 * The consent story: a doctor without a grant is denied; the patient grants and the doctor reads
 * the exact bytes; the patient revokes and the doctor is denied; an expired grant is denied; and a
 * break-the-glass read through the doctor's hospital is allowed and audited.
 */
final class ConsentStory {
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);

    private final Session session;
    private final RecordFetcher fetcher;
    private final Consumer<String> say;
    private int grantShares;
    private int revocations;

    ConsentStory(Session session, Consumer<String> say) {
        this.session = session;
        this.fetcher = new RecordFetcher(session.observer(), session.publisher);
        this.say = say;
    }

    /** One stored record the story reads: whose it is and its exact bytes. */
    record Subject(String recordId, Domain domain, PartyKeys owner, byte[] plaintext) {}

    /**
     * Tells the story on {@code record}; the expiry part uses {@code expiringRecord}, which no other grant covers,
     * so its denial can only come from the expiry.
     */
    Map<String, Boolean> tell(
            Subject record, Subject expiringRecord, PartyKeys doctor, Subject emergencyRecord, PartyKeys institution)
            throws Exception {
        Map<String, Boolean> results = new LinkedHashMap<>();
        results.put("deniedWithoutGrant", denied(record, doctor, "without a grant"));
        ConsentGranted grant = grant(record, doctor, Instant.now().plus(Duration.ofDays(30)));
        results.put("readAfterGrant", readsExactly(record, doctor, doctor, null));
        revoke(record, grant);
        results.put("deniedAfterRevoke", denied(record, doctor, "after the revocation"));
        ConsentGranted shortGrant = grant(expiringRecord, doctor, Instant.now().plusSeconds(3));
        waitUntil(shortGrant.expiresAt().plusMillis(500));
        results.put("deniedAfterExpiry", deniedBecause(expiringRecord, doctor, "after the grant expired", "expired"));
        results.put("emergencyReadAllowed", readsExactly(emergencyRecord, doctor, institution, "unconscious in ER"));
        results.put("emergencyAudited", emergencyAudited(emergencyRecord));
        return results;
    }

    private boolean deniedBecause(Subject record, PartyKeys reader, String when, String reasonPart) {
        RecordFetcher.Answer answer = fetch(record, reader, null);
        say.accept(reader.partyId() + " asks for " + record.recordId() + " " + when + ": "
                + (answer.allowed() ? "RELEASED" : "denied (" + answer.denied().reason() + ")"));
        return !answer.allowed() && answer.denied().reason().contains(reasonPart);
    }

    private boolean denied(Subject record, PartyKeys reader, String when) {
        return deniedBecause(record, reader, when, "");
    }

    private boolean readsExactly(Subject record, PartyKeys reader, PartyKeys shareHolder, String emergency) {
        RecordFetcher.Answer answer = fetch(record, reader, emergency);
        if (!answer.allowed()) {
            say.accept(reader.partyId() + " was denied: " + answer.denied().reason());
            return false;
        }
        byte[] read = RecordCommands.openVerified(
                        session.observer(), session.directory(), answer.released(), reader, shareHolder)
                .plaintext();
        boolean exact = Arrays.equals(read, record.plaintext());
        say.accept(reader.partyId() + (emergency == null ? "" : " (break-the-glass: " + emergency + ")") + " read "
                + record.recordId() + (exact ? ": the exact original bytes" : ": DIFFERENT bytes"));
        return exact;
    }

    private RecordFetcher.Answer fetch(Subject record, PartyKeys reader, String emergency) {
        return fetcher.fetch(record.recordId(), record.domain(), reader, "TREAT", emergency, ANSWER_TIMEOUT);
    }

    /** The patient can see the break-the-glass read: an emergency audit event naming them and the record. */
    private boolean emergencyAudited(Subject record) throws InterruptedException {
        boolean audited = AuditTrail.emergencyReadAudited(
                session.observer(), record.owner().partyId(), record.recordId(), SETTLE_TIMEOUT);
        say.accept(
                audited
                        ? "the emergency read is on the audit trail of "
                                + record.owner().partyId()
                        : "no emergency audit event for " + record.recordId());
        return audited;
    }

    /** What the story put on chain, for an auditor to find again: key shares granted, grants revoked. */
    Map<String, Object> published() {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("grantShares", grantShares);
        counts.put("revocations", revocations);
        return counts;
    }

    /** Grants and waits until the grantee's share is on chain, where the vault will look for it. */
    ConsentGranted grant(Subject record, PartyKeys doctor, Instant expiresAt) throws Exception {
        ConsentGranted grant = ConsentCommands.grant(
                session,
                record.owner(),
                record.domain(),
                doctor.partyId(),
                GrantScope.records(List.of(record.recordId())),
                "TREAT",
                Instant.now(),
                expiresAt);
        session.publisher.grant(grant).join();
        grantShares += grant.shares().size();
        say.accept(record.owner().partyId() + " grants " + doctor.partyId() + " record " + record.recordId() + " until "
                + expiresAt);
        ChainRecords chain = new ChainRecords(session.web3j);
        poll(() -> chain.grantOnChain(session.contract(record.domain()), grant.grantId()), "the grant on chain");
        return grant;
    }

    /** Revokes and waits until the revocation is on chain (the vault refuses revoked grants from then on). */
    void revoke(Subject record, ConsentGranted grant) throws Exception {
        session.publisher
                .revoke(new ConsentSigner().revoke(record.owner(), grant.grantId(), record.domain(), Instant.now()))
                .join();
        revocations++;
        say.accept(record.owner().partyId() + " revokes grant " + grant.grantId());
        ChainRecords chain = new ChainRecords(session.web3j);
        poll(() -> chain.revokedOnChain(session.contract(record.domain()), grant.grantId()), "the revocation on chain");
    }

    interface Check {
        boolean holds() throws Exception;
    }

    private static void poll(Check check, String what) throws Exception {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(200);
        }
    }

    private static void waitUntil(Instant instant) throws InterruptedException {
        long millis = Duration.between(Instant.now(), instant).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
