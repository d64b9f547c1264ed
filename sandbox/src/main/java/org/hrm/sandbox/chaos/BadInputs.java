package org.hrm.sandbox.chaos;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.hrm.cli.KafkaLogin;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.AccessDecided;
import org.hrm.contracts.events.AccessRequested;
import org.hrm.contracts.events.PartyKind;
import org.hrm.contracts.events.PartyRegistered;
import org.hrm.contracts.events.RecordSealed;
import org.hrm.contracts.events.RecordSubmitted;

/**
 * Publishes bad input into every consumer's topics, each kind the issue names, with a key or request id of
 * its own so its rejection can be found: a dead letter with a reason, a release denial, or, for a replay
 * or a tampered copy of a committed record, the record still written once.
 */
final class BadInputs implements AutoCloseable {
    /** How the platform must answer a probe. */
    enum Expected {
        DEAD_LETTER,
        DENIED,
        WRITTEN_ONCE
    }

    /** One bad input: its kind, where it went, and the key, request id or record id its rejection carries. */
    record Probe(String kind, String topic, Expected expected, String match) {
        /** The dead-letter topics of the services that consume {@link #topic}. */
        List<String> deadLetterTopics() {
            if (topic.endsWith("record-submitted") || topic.endsWith("access-decided")) {
                return List.of(Topic.KEY_VAULT_DEAD_LETTER.topicName());
            }
            if (topic.endsWith("record-sealed")) {
                return List.of(Topic.LEDGER_WRITER_DEAD_LETTER.topicName());
            }
            if (topic.endsWith("consent-granted") || topic.endsWith("consent-revoked")) {
                return List.of(Topic.CONSENT_DEAD_LETTER.topicName(), Topic.LEDGER_WRITER_DEAD_LETTER.topicName());
            }
            return List.of(Topic.CONSENT_DEAD_LETTER.topicName());
        }
    }

    /**
     * A committed record and what the platform published for it, the raw material of replays and tampering.
     *
     * @param decision the bytes of a real decision on the record, released once already
     */
    record Fixture(
            RecordSubmitted submitted,
            PartyKeys owner,
            RecordSealed sealed,
            byte[] decision,
            String decisionRequestId,
            PartyKeys hospital) {}

    private static final int HUGE_BYTES = 300 * 1024;

    private final StolenLogins producer;
    private final List<Future<RecordMetadata>> sent = new ArrayList<>();
    private final EventCodec codec = new EventCodec();
    private final ProbeRecords records;
    private final List<Probe> probes = new ArrayList<>();

    /** Bad input goes out with each topic's rightful writer's login ({@link StolenLogins}): the broker takes it. */
    BadInputs(Function<String, KafkaLogin> logins, ProbeRecords records) {
        this.producer = new StolenLogins(
                logins,
                Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * HUGE_BYTES, ProducerConfig.ACKS_CONFIG, "all"));
        this.records = records;
    }

    /** Publishes every probe; returns them so their rejections can be awaited. */
    List<Probe> inject(Fixture fixture) {
        malformed();
        truncated(fixture);
        wrongSchemaVersion(fixture);
        huge();
        invalidKeysAndShares(fixture);
        tampered(fixture);
        replayed(fixture);
        forgedDecision(fixture);
        unknownParty(fixture);
        wrongDomain(fixture);
        wrongTypeAndInvalidId();
        producer.flush();
        for (int i = 0; i < probes.size(); i++) {
            String refusal = StolenLogins.brokerRefusal(sent.get(i));
            if (refusal != null) {
                // The services' checks are under test, not the broker's: a probe it refused proves nothing.
                throw new IllegalStateException("bad input " + probes.get(i).kind() + " was " + refusal);
            }
        }
        return List.copyOf(probes);
    }

    private void malformed() {
        byte[] garbage = "{\"recordId\": [1, 2,, \"".getBytes(UTF_8);
        send("malformed JSON", submitted(Domain.PATIENT), fresh(), "RecordSubmitted", garbage, Expected.DEAD_LETTER);
        send(
                "malformed JSON",
                Topic.ACCESS_REQUESTED.name(Domain.PATIENT),
                fresh(),
                "AccessRequested",
                garbage,
                Expected.DEAD_LETTER);
        send(
                "malformed JSON",
                Topic.RECORD_SEALED.name(Domain.PATIENT),
                fresh(),
                "RecordSealed",
                garbage,
                Expected.DEAD_LETTER);
    }

    private void truncated(Fixture fixture) {
        RecordSubmitted valid = records.fresh(Domain.PATIENT);
        send(
                "truncated JSON",
                submitted(Domain.PATIENT),
                valid.recordId(),
                "RecordSubmitted",
                half(codec.encode(valid)),
                Expected.DEAD_LETTER);
        String owner = "chaos-bad-owner-" + UUID.randomUUID();
        byte[] grant = codec.encode(ProbeRecords.observationGrant(fixture.owner(), fixture.hospital()));
        send(
                "truncated JSON",
                Topic.CONSENT_GRANTED.name(Domain.PATIENT),
                owner,
                "ConsentGranted",
                half(grant),
                Expected.DEAD_LETTER);
    }

    private void wrongSchemaVersion(Fixture fixture) {
        RecordSubmitted valid = records.fresh(Domain.PATIENT);
        send(
                "wrong schema version",
                submitted(Domain.PATIENT),
                valid.recordId(),
                "RecordSubmitted",
                codec.encode(valid),
                "99",
                Expected.DEAD_LETTER,
                valid.recordId());
        AccessRequested request = request(fresh(), fixture.owner(), Domain.PATIENT);
        send(
                "wrong schema version",
                Topic.ACCESS_REQUESTED.name(Domain.PATIENT),
                request.recordId(),
                "AccessRequested",
                codec.encode(request),
                "99",
                Expected.DEAD_LETTER,
                request.recordId());
        RecordSealed sealed = resealedUnder(fixture.sealed(), UUID.randomUUID().toString());
        send(
                "wrong schema version",
                Topic.RECORD_SEALED.name(Domain.PATIENT),
                sealed.recordId(),
                "RecordSealed",
                codec.encode(sealed),
                "99",
                Expected.DEAD_LETTER,
                sealed.recordId());
    }

    private void huge() {
        byte[] huge = ("{\"padding\":\"" + "A".repeat(HUGE_BYTES) + "\"}").getBytes(UTF_8);
        send("huge payload", submitted(Domain.PATIENT), fresh(), "RecordSubmitted", huge, Expected.DEAD_LETTER);
        send(
                "huge payload",
                Topic.ACCESS_REQUESTED.name(Domain.PATIENT),
                fresh(),
                "AccessRequested",
                huge,
                Expected.DEAD_LETTER);
        send(
                "huge payload",
                Topic.RECORD_SEALED.name(Domain.PATIENT),
                fresh(),
                "RecordSealed",
                huge,
                Expected.DEAD_LETTER);
    }

    private void invalidKeysAndShares(Fixture fixture) {
        byte[] offCurve = new byte[65];
        Arrays.fill(offCurve, (byte) 1);
        offCurve[0] = 4;
        String party = "chaos-bad-party-" + UUID.randomUUID();
        send(
                "invalid key",
                Topic.PARTY_REGISTERED.topicName(),
                party,
                "PartyRegistered",
                codec.encode(
                        new PartyRegistered(party, PartyKind.PATIENT, offCurve, null, Instant.now(), null, null, null)),
                Expected.DEAD_LETTER);
        RecordSubmitted valid = records.fresh(Domain.PATIENT);
        RecordSubmitted badShare = new RecordSubmitted(
                valid.recordId(),
                valid.domain(),
                valid.ownerId(),
                valid.authorId(),
                valid.innerCiphertext(),
                List.of(new org.hrm.contracts.events.KeyShare(valid.ownerId(), new byte[] {1, 2, 3, 4, 5})),
                valid.authorSignature(),
                valid.submittedAt(),
                valid.category());
        send(
                "invalid share",
                submitted(Domain.PATIENT),
                badShare.recordId(),
                "RecordSubmitted",
                codec.encode(badShare),
                Expected.DEAD_LETTER);
        PartyKeys owner = records.registeredOwner();
        send(
                "unknown party (grantee)",
                Topic.CONSENT_GRANTED.name(Domain.PATIENT),
                owner.partyId(),
                "ConsentGranted",
                codec.encode(
                        ProbeRecords.observationGrant(owner, PartyKeys.generate("chaos-nobody-" + UUID.randomUUID()))),
                Expected.DEAD_LETTER);
    }

    private void tampered(Fixture fixture) {
        RecordSubmitted original = fixture.submitted();
        byte[] inner = original.innerCiphertext().clone();
        inner[inner.length / 2] ^= 0x01;
        RecordSubmitted tampered = new RecordSubmitted(
                original.recordId(),
                original.domain(),
                original.ownerId(),
                original.authorId(),
                inner,
                original.shares(),
                original.authorSignature(),
                original.submittedAt(),
                original.category());
        send(
                "tampered inner ciphertext",
                submitted(original.domain()),
                original.recordId(),
                "RecordSubmitted",
                codec.encode(tampered),
                Expected.DEAD_LETTER);
        RecordSealed sealed = fixture.sealed();
        byte[] outer = sealed.outerCiphertext().clone();
        outer[outer.length / 2] ^= 0x01;
        RecordSealed tamperedSealed = new RecordSealed(
                sealed.recordId(),
                sealed.domain(),
                sealed.ownerPseudonym(),
                outer,
                sealed.shares(),
                sealed.authorSignature(),
                sealed.sealedAt(),
                sealed.vaultSignature());
        send(
                "tampered outer ciphertext",
                Topic.RECORD_SEALED.name(sealed.domain()),
                sealed.recordId(),
                "RecordSealed",
                codec.encode(tamperedSealed),
                Expected.WRITTEN_ONCE);
    }

    private void replayed(Fixture fixture) {
        send(
                "replayed event",
                submitted(fixture.submitted().domain()),
                fixture.submitted().recordId(),
                "RecordSubmitted",
                codec.encode(fixture.submitted()),
                Expected.WRITTEN_ONCE);
        send(
                "replayed decision",
                Topic.ACCESS_DECIDED.name(fixture.submitted().domain()),
                fixture.submitted().recordId(),
                "AccessDecided",
                fixture.decision(),
                String.valueOf(EventCodec.SCHEMA_VERSION),
                Expected.DENIED,
                fixture.decisionRequestId());
    }

    private void forgedDecision(Fixture fixture) {
        AccessDecided forged = records.forgedDecision(fixture.submitted());
        send(
                "forged decision",
                Topic.ACCESS_DECIDED.name(forged.domain()),
                forged.recordId(),
                "AccessDecided",
                codec.encode(forged),
                String.valueOf(EventCodec.SCHEMA_VERSION),
                Expected.DENIED,
                forged.requestId());
    }

    /**
     * A request signed by a party nobody registered: under protocol v2 consent cannot check that signature against
     * any key, so it dead-letters the request (no decision, not even a denial, is made on its behalf).
     */
    private void unknownParty(Fixture fixture) {
        AccessRequested request = request(
                fixture.submitted().recordId(),
                PartyKeys.generate("chaos-nobody-" + UUID.randomUUID()),
                Domain.PATIENT);
        send(
                "unknown party (requester)",
                Topic.ACCESS_REQUESTED.name(Domain.PATIENT),
                request.recordId(),
                "AccessRequested",
                codec.encode(request),
                Expected.DEAD_LETTER);
    }

    private void wrongDomain(Fixture fixture) {
        RecordSubmitted practitioner = records.fresh(Domain.PRACTITIONER);
        send(
                "wrong domain",
                submitted(Domain.PATIENT),
                practitioner.recordId(),
                "RecordSubmitted",
                codec.encode(practitioner),
                Expected.DEAD_LETTER);
        AccessRequested request = request(fresh(), fixture.owner(), Domain.PRACTITIONER);
        send(
                "wrong domain",
                Topic.ACCESS_REQUESTED.name(Domain.PATIENT),
                request.recordId(),
                "AccessRequested",
                codec.encode(request),
                Expected.DEAD_LETTER);
    }

    private void wrongTypeAndInvalidId() {
        RecordSubmitted valid = records.fresh(Domain.PATIENT);
        send(
                "wrong event type",
                submitted(Domain.PATIENT),
                valid.recordId(),
                "AccessRequested",
                codec.encode(valid),
                Expected.DEAD_LETTER);
        RecordSubmitted other = records.fresh(Domain.PATIENT);
        String badId = "chaos-not-a-uuid-" + UUID.randomUUID();
        byte[] json = new String(codec.encode(other), UTF_8)
                .replace(other.recordId(), badId)
                .getBytes(UTF_8);
        send("invalid record id", submitted(Domain.PATIENT), badId, "RecordSubmitted", json, Expected.DEAD_LETTER);
    }

    /** A request signed by the requester's own key: the probes test what comes after the signature check. */
    private static AccessRequested request(String recordId, PartyKeys requester, Domain domain) {
        return new AccessRequested(
                        UUID.randomUUID().toString(),
                        recordId,
                        domain,
                        requester.partyId(),
                        "TREAT",
                        null,
                        Instant.now(),
                        null,
                        null)
                .signedBy(requester.keyPair());
    }

    private static RecordSealed resealedUnder(RecordSealed sealed, String recordId) {
        return new RecordSealed(
                recordId,
                sealed.domain(),
                sealed.ownerPseudonym(),
                sealed.outerCiphertext(),
                sealed.shares(),
                sealed.authorSignature(),
                Instant.now(),
                sealed.vaultSignature());
    }

    private static String submitted(Domain domain) {
        return Topic.RECORD_SUBMITTED.name(domain);
    }

    private static String fresh() {
        return UUID.randomUUID().toString();
    }

    private static byte[] half(byte[] json) {
        return Arrays.copyOf(json, json.length / 2);
    }

    private void send(String kind, String topic, String key, String type, byte[] value, Expected expected) {
        send(kind, topic, key, type, value, String.valueOf(EventCodec.SCHEMA_VERSION), expected, key);
    }

    private void send(
            String kind,
            String topic,
            String key,
            String type,
            byte[] value,
            String version,
            Expected expected,
            String match) {
        ProducerRecord<String, byte[]> message = new ProducerRecord<>(topic, key, value);
        message.headers()
                .add(EventHeaders.EVENT_ID, UUID.randomUUID().toString().getBytes(UTF_8))
                .add(EventHeaders.EVENT_TYPE, type.getBytes(UTF_8))
                .add(EventHeaders.SCHEMA_VERSION, version.getBytes(UTF_8));
        sent.add(producer.send(message));
        probes.add(new Probe(kind, topic, expected, match));
    }

    @Override
    public void close() {
        producer.close();
    }
}
