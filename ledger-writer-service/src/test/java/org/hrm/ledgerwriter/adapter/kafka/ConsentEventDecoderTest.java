package org.hrm.ledgerwriter.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.ConsentGranted;
import org.hrm.contracts.events.ConsentRevoked;
import org.hrm.ledgerwriter.application.ConsentWrite;
import org.hrm.ledgerwriter.application.Rejection;
import org.hrm.ledgerwriter.domain.Revocation;
import org.hrm.ledgerwriter.domain.ShareGrant;
import org.hrm.ledgerwriter.support.Consents;
import org.junit.jupiter.api.Test;

class ConsentEventDecoderTest {
    private final EventCodec codec = new EventCodec(8 * 1024);
    private final ConsentEventDecoder decoder = new ConsentEventDecoder(codec);

    @Test
    void turnsEachKeyShareOfAGrantIntoOneEntryOfItsDomain() {
        ConsentGranted grant = Consents.granted(Domain.PRACTITIONER, 3);

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

    @Test
    void turnsARevocationIntoOneEntry() {
        ConsentRevoked revoked = Consents.revoked(Consents.granted(Domain.PATIENT, 1));

        Intake<ConsentWrite> intake = decoder.decode(List.of(revoked(Domain.PATIENT, "ConsentRevoked", revoked)));

        assertThat(intake.valid())
                .singleElement()
                .satisfies(write -> assertThat(write.entry()).isEqualTo(new Revocation(revoked.grantId())));
    }

    @Test
    void writesNothingAndDeadLettersNothingForAGrantWithoutShares() {
        ConsentGranted category = Consents.grantedCategoryWithoutShares(Domain.PATIENT);

        Intake<ConsentWrite> intake = decoder.decode(List.of(granted(Domain.PATIENT, "ConsentGranted", category)));

        assertThat(intake.valid()).isEmpty();
        assertThat(intake.deadLetters(List.of())).isEmpty();
    }

    @Test
    void rejectsEachBadInputWithItsReasonAndKeepsTheValidOnes() {
        ConsentGranted grant = Consents.granted(Domain.PATIENT, 1);
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
        Intake<ConsentWrite> intake = decoder.decode(List.of(granted(Domain.PATIENT, "ConsentGranted", grant)));
        List<Rejection> rejections = intake.valid().stream()
                .map(write -> new Rejection(write.domain(), write.entry().entryId(), "too large"))
                .toList();

        List<DeadLetter> letters = intake.deadLetters(rejections);

        assertThat(letters)
                .singleElement()
                .satisfies(letter -> assertThat(letter.reason()).isEqualTo("too large"));
    }

    private ConsumerRecord<String, byte[]> granted(Domain topicDomain, String type, ConsentGranted event) {
        return record(Topic.CONSENT_GRANTED.name(topicDomain), type, codec.encode(event));
    }

    private ConsumerRecord<String, byte[]> revoked(Domain topicDomain, String type, ConsentRevoked event) {
        return record(Topic.CONSENT_REVOKED.name(topicDomain), type, codec.encode(event));
    }

    private static ConsumerRecord<String, byte[]> raw(String topic, String type, String json) {
        return record(topic, type, json.getBytes(StandardCharsets.UTF_8));
    }

    private static ConsumerRecord<String, byte[]> record(String topic, String type, byte[] value) {
        var record = new ConsumerRecord<String, byte[]>(topic, 0, 7L, "owner", value);
        if (type != null) {
            record.headers().add(EventHeaders.EVENT_TYPE, type.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
