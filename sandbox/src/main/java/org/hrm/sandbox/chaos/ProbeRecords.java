package org.hrm.sandbox.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.hrm.cli.KafkaLogin;
import org.hrm.client.kafka.RecordPublisher;
import org.hrm.client.sdk.ConsentSigner;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.client.sdk.RecordEncryptor;
import org.hrm.contracts.Domain;
import org.hrm.contracts.events.AccessBasis;
import org.hrm.contracts.events.AccessDecided;
import org.hrm.contracts.events.ConsentGranted;
import org.hrm.contracts.events.GrantScope;
import org.hrm.contracts.events.PartyKind;
import org.hrm.contracts.events.RecordSubmitted;
import org.hrm.crypto.P256KeyPair;
import org.hrm.sandbox.R4Resources;
import org.hrm.sandbox.SandboxAttester;

/** Valid events for the bad-input phase to break: fresh records, signed grants, a decision signed by a stranger. */
final class ProbeRecords {
    private final RecordEncryptor encryptor = new RecordEncryptor();
    private final KafkaLogin observer;
    private final RecordPublisher publisher;
    private final PartyKeys author;
    private final PartyKeys owner;
    private final SandboxAttester attester;

    ProbeRecords(
            KafkaLogin observer,
            RecordPublisher publisher,
            PartyKeys author,
            PartyKeys owner,
            SandboxAttester attester) {
        this.observer = observer;
        this.attester = attester;
        this.publisher = publisher;
        this.author = author;
        this.owner = owner;
    }

    /** A new, well-formed record of {@code owner} written by {@code author}. */
    RecordSubmitted fresh(Domain domain) {
        return encryptor
                .encrypt(
                        UUID.randomUUID().toString(),
                        domain,
                        owner.partyId(),
                        author,
                        R4Resources.json(R4Resources.notedHeartRate(
                                R4Resources.ownerReference(domain, owner.partyId()), 72, "probe")),
                        Map.of(owner.partyId(), owner.publicKey()))
                .toSubmitted(Instant.now(), "Observation");
    }

    /** A grant signed by {@code grantor} to {@code grantee} of every Observation, for a day. */
    static ConsentGranted observationGrant(PartyKeys grantor, PartyKeys grantee) {
        Instant now = Instant.now();
        ConsentSigner.GrantTerms terms = new ConsentSigner.GrantTerms(
                UUID.randomUUID().toString(),
                Domain.PATIENT,
                grantee.partyId(),
                GrantScope.category("Observation"),
                "TREAT",
                now,
                now.plus(Duration.ofDays(1)));
        return new ConsentSigner().grant(grantor, terms, grantee.publicKey(), List.of(), now);
    }

    /** A patient of its own, registered, so a dead letter keyed by its id can only be the probe's. */
    PartyKeys registeredOwner() {
        PartyKeys party = PartyKeys.generate("chaos-probe-owner-" + UUID.randomUUID());
        publisher
                .register(attester.register(party, PartyKind.PATIENT, null, null))
                .join();
        PartiesKnown.await(observer, Duration.ofSeconds(60));
        return party;
    }

    /** An allowing decision on the record, in the right shape, signed by a key that is not consent-service's. */
    AccessDecided forgedDecision(RecordSubmitted record) {
        String requestId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        Function<byte[], AccessDecided> decision = signature -> new AccessDecided(
                requestId,
                record.recordId(),
                record.domain(),
                "chaos-mallory",
                true,
                AccessBasis.OWNER,
                record.ownerId(),
                null,
                P256KeyPair.generate().publicKey(),
                "owner",
                now,
                now.plusSeconds(60),
                signature);
        return decision.apply(strangerSignature(decision.apply(new byte[64]).signedBytes()));
    }

    private static byte[] strangerSignature(byte[] message) {
        P256KeyPair stranger = P256KeyPair.generate();
        try {
            return stranger.sign(message);
        } finally {
            stranger.destroy();
        }
    }
}
