package org.hrm.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.hrm.client.kafka.TopicReader;
import org.hrm.client.sdk.ConsentSigner;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.client.sdk.RecordDecryptor;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.InvalidEventException;
import org.hrm.contracts.LedgerPayload;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.ConsentGranted;
import org.hrm.contracts.events.ConsentRevoked;
import org.hrm.contracts.events.GrantScope;
import org.hrm.contracts.events.KeyShare;
import org.hrm.contracts.events.SealedShare;

/**
 * {@code ./hrm grant | revoke | grants}: the owner's consent, signed by the owner's key. Public for the sandbox's
 * consent story and the system tests, which sign grants as the command does.
 */
public final class ConsentCommands {
    private ConsentCommands() {}

    static int grant(ConsentCli.Grant args) throws Exception {
        PartyKeys owner = Session.keys(args.keystore);
        Domain domain = args.domain;
        String granteeId = args.to;
        List<String> recordIds = args.records;
        GrantScope scope = recordIds.isEmpty() ? GrantScope.category(args.category) : GrantScope.records(recordIds);
        Instant now = Instant.now();
        Duration lasts = args.seconds != null ? Duration.ofSeconds(args.seconds) : Duration.ofDays(args.days);
        try (Session session = Session.open(args)) {
            ConsentGranted grant = grant(session, owner, domain, granteeId, scope, args.purpose, now, now.plus(lasts));
            RecordMetadata sent = session.publisher.grant(grant).join();
            System.out.println(grant.grantId());
            System.err.println("granting " + granteeId + " " + describe(scope) + " until " + grant.expiresAt() + " ("
                    + grant.shares().size() + " key shares rewrapped)");
            return new OutcomeWatcher(session.observer())
                    .reportConsent(
                            sent, OutcomeWatcher.CONSENT_CHANGES, "grant " + grant.grantId(), args.timeout.duration());
        }
    }

    /** A signed grant whose key shares cover the listed records that are already on chain. */
    public static ConsentGranted grant(
            Session session,
            PartyKeys owner,
            Domain domain,
            String granteeId,
            GrantScope scope,
            String purpose,
            Instant validFrom,
            Instant expiresAt)
            throws Exception {
        byte[] granteeKey = session.directory().publicKey(granteeId);
        List<ConsentSigner.CoveredRecord> covered = new ArrayList<>();
        for (String recordId : scope.recordIds()) {
            covered.add(new ConsentSigner.CoveredRecord(recordId, ownShare(session, owner, domain, recordId)));
        }
        ConsentSigner.GrantTerms terms = new ConsentSigner.GrantTerms(
                UUID.randomUUID().toString(), domain, granteeId, scope, purpose, validFrom, expiresAt);
        return new ConsentSigner().grant(owner, terms, granteeKey, covered, Instant.now());
    }

    /** The owner's share of a record, found on chain among the record's shares by opening each. */
    private static KeyShare ownShare(Session session, PartyKeys owner, Domain domain, String recordId)
            throws Exception {
        LedgerPayload payload = new ChainRecords(session.web3j)
                .stored(session.contract(domain), recordId)
                .orElseThrow(() ->
                        new UsageException("record " + recordId + " is not on the " + domain.id() + " ledger (yet)"));
        RecordDecryptor decryptor = new RecordDecryptor();
        return payload.shares().stream()
                .map(SealedShare::share)
                .filter(share -> decryptor.opens(recordId, domain, owner.partyId(), share, owner))
                .findFirst()
                .map(share -> new KeyShare(owner.partyId(), share))
                .orElseThrow(() -> new UsageException(
                        owner.partyId() + " holds no share of record " + recordId + ": only the owner can grant"));
    }

    static int revoke(ConsentCli.Revoke args) throws Exception {
        PartyKeys owner = Session.keys(args.keystore);
        try (Session session = Session.open(args)) {
            ConsentRevoked revoked = new ConsentSigner().revoke(owner, args.grant, args.domain, Instant.now());
            RecordMetadata sent = session.publisher.revoke(revoked).join();
            return new OutcomeWatcher(session.observer())
                    .reportConsent(
                            sent,
                            OutcomeWatcher.CONSENT_CHANGES,
                            "revocation of grant " + revoked.grantId(),
                            args.timeout.duration());
        }
    }

    static int list(ConsentCli.Grants args) throws Exception {
        String ownerId = args.owner;
        Domain domain = args.domain;
        try (Session session = Session.open(args)) {
            // Only what the owner really signed counts: anyone can publish a grant naming this owner.
            byte[] ownerKey = session.directory().publicKey(ownerId);
            Map<String, String> status = new LinkedHashMap<>();
            Map<String, ConsentGranted> grants = new LinkedHashMap<>();
            EventCodec codec = new EventCodec();
            // The sandbox's tooling reads the consent topics as its observer: a hospital may not (production's owners
            // see their grants at the gateway, GET /api/owners/{owner}/grants).
            KafkaLogin observer = session.observer();
            TopicReader.readAll(
                    observer.bootstrapServers(),
                    observer.settings(),
                    List.of(Topic.CONSENT_GRANTED.name(domain), Topic.CONSENT_REVOKED.name(domain)),
                    record -> {
                        if (!ownerId.equals(record.key())) {
                            return;
                        }
                        try {
                            if (record.topic().endsWith("consent-granted")) {
                                ConsentGranted grant = codec.decode(record.value(), ConsentGranted.class);
                                if (ConsentSigner.verify(ownerKey, grant.signedBytes(), grant.ownerSignature())) {
                                    grants.put(grant.grantId(), grant);
                                }
                            } else {
                                ConsentRevoked revoked = codec.decode(record.value(), ConsentRevoked.class);
                                if (ConsentSigner.verify(ownerKey, revoked.signedBytes(), revoked.ownerSignature())) {
                                    status.put(revoked.grantId(), "revoked");
                                }
                            }
                        } catch (InvalidEventException e) {
                            // Anyone can write a malformed event under this owner's key: skip it, say so, go on.
                            System.err.println("warning: skipped an unreadable event at " + record.topic() + "-"
                                    + record.partition() + "@" + record.offset() + ": " + e.getMessage());
                        }
                    });
            System.out.printf("%-36s  %-28s  %-8s  %-24s  %s%n", "grant", "grantee", "status", "expires", "scope");
            Instant now = Instant.now();
            grants.values()
                    .forEach(grant -> System.out.printf(
                            "%-36s  %-28s  %-8s  %-24s  %s%n",
                            grant.grantId(),
                            grant.granteeId(),
                            status.getOrDefault(
                                    grant.grantId(), grant.expiresAt().isBefore(now) ? "expired" : "active"),
                            grant.expiresAt(),
                            describe(grant.scope())));
            return 0;
        }
    }

    private static String describe(GrantScope scope) {
        return scope.recordIds().isEmpty() ? "category " + scope.category() : "records " + scope.recordIds();
    }
}
