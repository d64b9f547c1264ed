package org.hrm.ledgerwriter.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.ConsentGranted;
import org.hrm.contracts.events.ConsentRevoked;
import org.hrm.contracts.events.GrantScope;
import org.hrm.contracts.events.GrantShare;
import org.hrm.crypto.P256KeyPair;
import org.hrm.ledgerwriter.application.ConsentWrite;
import org.hrm.ledgerwriter.application.Rejection;
import org.hrm.ledgerwriter.domain.Revocation;
import org.hrm.ledgerwriter.domain.ShareGrant;
import org.hrm.ledgerwriter.support.Consents;
import org.hrm.ledgerwriter.support.Records;
import org.hrm.ledgerwriter.support.TestAuthority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConsentEventDecoderTest {
    private final EventCodec codec = new EventCodec(8 * 1024);
    private final TestAuthority.Fixture fixture = TestAuthority.inMemory();
    private final ConsentEventDecoder decoder = new ConsentEventDecoder(codec, fixture.authority());
    private final ConsentRecords records = new ConsentRecords(codec);

    @Test
    void turnsEachKeyShareOfAGrantIntoOneEntryOfItsDomain() {
        ConsentGranted grant = Consents.granted(Domain.PRACTITIONER, 3);
        fixture.registered(grant.ownerId());

        Intake<ConsentWrite> intake = decoder.decode(List.of(granted(Domain.PRACTITIONER, "ConsentGranted", grant)));

        assertThat(intake.deadLetters(List.of())).isEmpty();
        assertThat(intake.valid())
                .hasSize(3)
                .allSatisfy(write -> assertThat(write.domain()).isEqualTo(Domain.PRACTITIONER));
        for (int i = 0; i < 3; i++) {
            ShareGrant share = (ShareGrant) intake.valid().get(i).entry();
            assertThat(share.grantId()).isEqualTo(grant.grantId());
            assertThat(share.recordId()).isEqualTo(grant.shares().get(i).recordId());
            assertThat(share.share()).isEqualTo(grant.shares().get(i).share());
        }
    }

    /** Grants and revocations are different topics: a batch may list the revocation's partition first. */
    @ParameterizedTest(name = "revocation listed first: {0}")
    @ValueSource(booleans = {false, true})
    void turnsARevocationIntoOneEntryAfterItsGrantWhicheverTheBatchListsFirst(boolean revocationFirst) {
        ConsentGranted grant = Consents.granted(Domain.PATIENT, 2);
        fixture.registered(grant.ownerId());
        ConsumerRecord<String, byte[]> granted = granted(Domain.PATIENT, "ConsentGranted", grant);
        ConsumerRecord<String, byte[]> revoked = revoked(Domain.PATIENT, "ConsentRevoked", Consents.revoked(grant));

        Intake<ConsentWrite> intake =
                decoder.decode(revocationFirst ? List.of(revoked, granted) : List.of(granted, revoked));

        assertThat(intake.deadLetters(List.of())).isEmpty();
        assertThat(intake.valid()).hasSize(3);
        assertThat(intake.valid())
                .last()
                .satisfies(write -> assertThat(write.entry()).isEqualTo(new Revocation(grant.grantId())));
    }

    @Test
    void writesNothingAndDeadLettersNothingForAGrantWithoutShares() {
        ConsentGranted category = Consents.grantedCategoryWithoutShares(Domain.PATIENT);
        fixture.registered(category.ownerId());

        Intake<ConsentWrite> intake = decoder.decode(List.of(granted(Domain.PATIENT, "ConsentGranted", category)));

        assertThat(intake.valid()).isEmpty();
        assertThat(intake.deadLetters(List.of())).isEmpty();
    }

    @Test
    void rejectsEachBadInputWithItsReasonAndKeepsTheValidOnes() {
        ConsentGranted grant = Consents.granted(Domain.PATIENT, 1);
        fixture.registered(grant.ownerId());
        byte[] valid = codec.encode(grant);
        String unsigned = new String(valid, StandardCharsets.UTF_8).replace("\"ownerSignature\"", "\"lost\"");

        Intake<ConsentWrite> intake = decoder.decode(List.of(
                raw(Topic.CONSENT_GRANTED.name(Domain.PATIENT), "ConsentGranted", "{not json"),
                granted(Domain.PATIENT, "ConsentRevoked", grant),
                granted(Domain.PATIENT, null, grant),
                raw(Topic.CONSENT_GRANTED.name(Domain.PATIENT), "ConsentGranted", unsigned),
                granted(Domain.PRACTITIONER, "ConsentGranted", grant),
                revoked(Domain.PRACTITIONER, "ConsentRevoked", Consents.revoked(grant)),
                granted(Domain.PATIENT, "ConsentGranted", grant)));

        assertThat(intake.deadLetters(List.of()))
                .extracting(DeadLetter::reason)
                .satisfiesExactly(
                        reason -> assertThat(reason).startsWith("malformed ConsentGranted"),
                        reason -> assertThat(reason).isEqualTo("unknown event type ConsentRevoked"),
                        reason -> assertThat(reason).isEqualTo("unknown event type (no header)"),
                        reason -> assertThat(reason).contains("missing field ownerSignature"),
                        reason -> assertThat(reason).startsWith("domain mismatch: a patient ConsentGranted"),
                        reason -> assertThat(reason).startsWith("domain mismatch: a patient ConsentRevoked"));
        assertThat(intake.valid()).hasSize(1);
    }

    @Test
    void deadLettersAGrantOnceEvenWhenSeveralOfItsSharesCannotBeWritten() {
        ConsentGranted grant = Consents.granted(Domain.PATIENT, 3);
        fixture.registered(grant.ownerId());
        Intake<ConsentWrite> intake = decoder.decode(List.of(granted(Domain.PATIENT, "ConsentGranted", grant)));
        List<Rejection> rejections = intake.valid().stream()
                .map(write -> new Rejection(write.domain(), write.entry().entryId(), "too large"))
                .toList();

        List<DeadLetter> letters = intake.deadLetters(rejections);

        assertThat(letters)
                .singleElement()
                .satisfies(letter -> assertThat(letter.reason()).isEqualTo("too large"));
    }

    @Test
    void deadLettersAGrantSignedByAnotherKeyAndWritesNothing() {
        ConsentGranted grant = Consents.granted(Domain.PATIENT, 2);
        fixture.registered(grant.ownerId());
        ConsentGranted forged = Consents.signed(grant, P256KeyPair.generate());

        Intake<ConsentWrite> intake = decoder.decode(List.of(granted(Domain.PATIENT, "ConsentGranted", forged)));

        assertThat(intake.valid()).isEmpty();
        assertThat(intake.deadLetters(List.of()))
                .singleElement()
                .satisfies(letter -> assertThat(letter.reason())
                        .isEqualTo("grant " + grant.grantId() + " is not signed by owner " + grant.ownerId()
                                + "'s current key"));
    }

    @Test
    void deadLettersAGrantOfAnOwnerNobodyRegistered() {
        ConsentGranted grant = Consents.granted(Domain.PATIENT, 1);

        Intake<ConsentWrite> intake = decoder.decode(List.of(granted(Domain.PATIENT, "ConsentGranted", grant)));

        assertThat(intake.valid()).isEmpty();
        assertThat(intake.deadLetters(List.of()))
                .singleElement()
                .satisfies(letter ->
                        assertThat(letter.reason()).endsWith("owner " + grant.ownerId() + " is not registered"));
    }

    @Test
    void deadLettersAGrantWhoseShareIsNotAV2ShareEvenIfTheOwnerSignedIt() {
        String owner = "owner-" + UUID.randomUUID();
        fixture.registered(owner);
        String recordId = UUID.randomUUID().toString();
        byte[] plaintext = Arrays.copyOf(TestAuthority.share(), 145);
        byte[] text = "{\"resourceType\":\"Observation\",\"status\":\"final\"}".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(text, 0, plaintext, 65, text.length);
        List<ConsentGranted> malformed = List.of(
                Consents.granted(
                        Domain.PATIENT,
                        owner,
                        GrantScope.records(List.of(recordId)),
                        List.of(new GrantShare(recordId, TestAuthority.v1Share()))),
                Consents.granted(
                        Domain.PATIENT,
                        owner,
                        GrantScope.records(List.of(recordId)),
                        List.of(new GrantShare(recordId, plaintext))),
                Consents.granted(
                        Domain.PATIENT,
                        owner,
                        GrantScope.records(List.of(recordId)),
                        List.of(new GrantShare(recordId, Records.bytes(145)))));

        Intake<ConsentWrite> intake = decoder.decode(malformed.stream()
                .map(grant -> granted(Domain.PATIENT, "ConsentGranted", grant))
                .toList());

        assertThat(intake.valid()).isEmpty();
        assertThat(intake.deadLetters(List.of()))
                .extracting(DeadLetter::reason)
                .satisfiesExactly(
                        reason -> assertThat(reason).contains("must be exactly 145 bytes"),
                        reason -> assertThat(reason).contains("printable run"),
                        reason -> assertThat(reason).contains("not a P-256 point"));
    }

    @Test
    void deadLettersARevocationNamingAnotherOwnersGrantOrSignedByAnotherKeyAndDefersOneNamingAGrantItNeverSaw() {
        ConsentGranted victim = Consents.granted(Domain.PATIENT, 1);
        String attacker = "owner-" + UUID.randomUUID();
        fixture.registered(victim.ownerId(), attacker);
        decoder.decode(List.of(granted(Domain.PATIENT, "ConsentGranted", victim)));

        ConsentRevoked othersGrant =
                Consents.revoked(victim.grantId(), Domain.PATIENT, attacker, TestAuthority.owner(attacker));
        ConsentRevoked unknownGrant =
                Consents.revoked(UUID.randomUUID().toString(), Domain.PATIENT, attacker, TestAuthority.owner(attacker));
        ConsentRevoked wrongKey =
                Consents.revoked(victim.grantId(), Domain.PATIENT, victim.ownerId(), P256KeyPair.generate());
        ConsentRevoked wrongKeyUnknownGrant = Consents.revoked(
                UUID.randomUUID().toString(), Domain.PATIENT, victim.ownerId(), P256KeyPair.generate());

        Intake<ConsentWrite> intake = decoder.decode(List.of(
                revoked(Domain.PATIENT, "ConsentRevoked", othersGrant),
                revoked(Domain.PATIENT, "ConsentRevoked", unknownGrant),
                revoked(Domain.PATIENT, "ConsentRevoked", wrongKey),
                revoked(Domain.PATIENT, "ConsentRevoked", wrongKeyUnknownGrant)));

        assertThat(intake.valid()).isEmpty();
        assertThat(intake.deadLetters(List.of()))
                .extracting(DeadLetter::reason)
                .satisfiesExactly(
                        reason -> assertThat(reason).endsWith("names a grant of another owner"),
                        reason -> assertThat(reason)
                                .endsWith("is not signed by owner " + victim.ownerId() + "'s current key"),
                        reason -> assertThat(reason)
                                .isEqualTo("revocation of grant " + wrongKeyUnknownGrant.grantId()
                                        + " is not signed by owner " + victim.ownerId() + "'s current key"));
        assertThat(intake.deferred()).singleElement().satisfies(deferred -> {
            assertThat(deferred.domain()).isEqualTo(Domain.PATIENT);
            assertThat(deferred.awaitedId()).isEqualTo(unknownGrant.grantId());
        });
    }

    private ConsumerRecord<String, byte[]> granted(Domain topicDomain, String type, ConsentGranted event) {
        return records.granted(topicDomain, type, event);
    }

    private ConsumerRecord<String, byte[]> revoked(Domain topicDomain, String type, ConsentRevoked event) {
        return records.revoked(topicDomain, type, event);
    }

    private ConsumerRecord<String, byte[]> raw(String topic, String type, String json) {
        return records.raw(topic, type, json);
    }
}
