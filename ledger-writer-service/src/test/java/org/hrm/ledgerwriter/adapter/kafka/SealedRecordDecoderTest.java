package org.hrm.ledgerwriter.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.LedgerPayload;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.RecordSealed;
import org.hrm.contracts.events.SealedShare;
import org.hrm.crypto.P256KeyPair;
import org.hrm.ledgerwriter.application.SealedRecord;
import org.hrm.ledgerwriter.support.Records;
import org.hrm.ledgerwriter.support.TestAuthority;
import org.junit.jupiter.api.Test;

class SealedRecordDecoderTest {
    private final EventCodec codec = new EventCodec(8 * 1024);
    private final SealedRecordDecoder decoder =
            new SealedRecordDecoder(codec, TestAuthority.inMemory().authority());

    @Test
    void acceptsAValidRecordWithItsLedgerPayload() {
        RecordSealed sealed = Records.sealed(Domain.PRACTITIONER, 1_024);

        Intake<SealedRecord> intake =
                decoder.decode(List.of(record(Domain.PRACTITIONER, "RecordSealed", codec.encode(sealed))));

        assertThat(intake.deadLetters(List.of())).isEmpty();
        assertThat(intake.valid()).singleElement().satisfies(valid -> {
            assertThat(valid.domain()).isEqualTo(Domain.PRACTITIONER);
            assertThat(valid.record().recordId()).isEqualTo(sealed.recordId());
            assertThat(valid.record().payload())
                    .isEqualTo(LedgerPayload.of(sealed).encode());
        });
    }

    @Test
    void rejectsEachBadInputWithItsReasonAndKeepsTheValidOnes() {
        byte[] valid = codec.encode(Records.sealed(Domain.PATIENT, 100));
        String missingShares = new String(valid, StandardCharsets.UTF_8).replace("\"shares\"", "\"ignored\"");

        Intake<SealedRecord> intake = decoder.decode(List.of(
                record(Domain.PATIENT, "RecordSealed", "{not json".getBytes(StandardCharsets.UTF_8)),
                record(Domain.PATIENT, "RecordSubmitted", valid),
                record(Domain.PATIENT, null, valid),
                record(Domain.PATIENT, "RecordSealed", missingShares.getBytes(StandardCharsets.UTF_8)),
                record(Domain.PATIENT, "RecordSealed", codec.encode(Records.sealed(Domain.PATIENT, 9_000))),
                record(Domain.PRACTITIONER, "RecordSealed", valid),
                record(Domain.PATIENT, "RecordSealed", valid)));

        assertThat(intake.deadLetters(List.of()))
                .extracting(DeadLetter::reason)
                .satisfiesExactly(
                        reason -> assertThat(reason).startsWith("malformed RecordSealed"),
                        reason -> assertThat(reason).isEqualTo("unknown event type RecordSubmitted"),
                        reason -> assertThat(reason).isEqualTo("unknown event type (no header)"),
                        reason -> assertThat(reason).contains("missing field shares"),
                        reason -> assertThat(reason).startsWith("oversized event"),
                        reason -> assertThat(reason).startsWith("domain mismatch"));
        assertThat(intake.valid()).hasSize(1);
    }

    @Test
    void rejectsASchemaVersionItDoesNotRead() {
        RecordSealed sealed = Records.sealed(Domain.PATIENT, 100);
        var record = record(Domain.PATIENT, "RecordSealed", codec.encode(sealed));
        record.headers().add(EventHeaders.SCHEMA_VERSION, "7".getBytes(StandardCharsets.UTF_8));

        Intake<SealedRecord> intake = decoder.decode(List.of(record));

        assertThat(intake.valid()).isEmpty();
        assertThat(intake.deadLetters(List.of()))
                .singleElement()
                .satisfies(letter -> assertThat(letter.reason())
                        .isEqualTo("unsupported schema version '7': this consumer reads version 2"));
    }

    @Test
    void rejectsAnUnknownDomain() {
        String json = new String(codec.encode(Records.sealed(Domain.PATIENT, 100)), StandardCharsets.UTF_8)
                .replace("\"PATIENT\"", "\"VETERINARY\"");

        Intake<SealedRecord> intake =
                decoder.decode(List.of(record(Domain.PATIENT, "RecordSealed", json.getBytes(StandardCharsets.UTF_8))));

        assertThat(intake.deadLetters(List.of()))
                .singleElement()
                .satisfies(letter -> assertThat(letter.reason())
                        .startsWith("malformed RecordSealed")
                        .contains("VETERINARY"));
    }

    @Test
    void rejectsAnUpperCaseRecordIdThatNoReceiptWouldEverMatch() {
        RecordSealed sealed = Records.sealed(Domain.PATIENT, 100);
        String json = new String(codec.encode(sealed), StandardCharsets.UTF_8)
                .replace(sealed.recordId(), sealed.recordId().toUpperCase(java.util.Locale.ROOT));

        Intake<SealedRecord> intake =
                decoder.decode(List.of(record(Domain.PATIENT, "RecordSealed", json.getBytes(StandardCharsets.UTF_8))));

        assertThat(intake.valid()).isEmpty();
        assertThat(intake.deadLetters(List.of()))
                .singleElement()
                .satisfies(letter -> assertThat(letter.reason())
                        .isEqualTo("invalid RecordSealed: recordId must be a lower-case UUID"));
    }

    @Test
    void deadLettersARecordTheVaultDidNotSignOrWhoseShareIsNotShareShaped() {
        RecordSealed genuine = Records.sealed(Domain.PATIENT, 100);
        RecordSealed forged = genuine.signedBy(P256KeyPair.generate());
        RecordSealed unsigned = new RecordSealed(
                genuine.recordId(),
                genuine.domain(),
                genuine.ownerPseudonym(),
                genuine.outerCiphertext(),
                genuine.shares(),
                genuine.authorSignature(),
                genuine.sealedAt(),
                null);
        RecordSealed badShare = new RecordSealed(
                        genuine.recordId(),
                        genuine.domain(),
                        genuine.ownerPseudonym(),
                        genuine.outerCiphertext(),
                        List.of(new SealedShare(Records.bytes(32), Records.bytes(200))),
                        genuine.authorSignature(),
                        genuine.sealedAt(),
                        null)
                .signedBy(TestAuthority.VAULT);

        Intake<SealedRecord> intake = decoder.decode(List.of(
                record(Domain.PATIENT, "RecordSealed", codec.encode(forged)),
                record(Domain.PATIENT, "RecordSealed", codec.encode(unsigned)),
                record(Domain.PATIENT, "RecordSealed", codec.encode(badShare))));

        assertThat(intake.valid()).isEmpty();
        assertThat(intake.deadLetters(List.of()))
                .extracting(DeadLetter::reason)
                .containsExactly(
                        "RecordSealed " + genuine.recordId() + " is not signed by the vault's key",
                        "RecordSealed " + genuine.recordId() + " is not signed by the vault's key",
                        "RecordSealed " + genuine.recordId()
                                + ": a share must be 145 bytes (v2) or 113 bytes (v1), was 200 bytes");
    }

    private static ConsumerRecord<String, byte[]> record(Domain topicDomain, String type, byte[] value) {
        var record = new ConsumerRecord<String, byte[]>(Topic.RECORD_SEALED.name(topicDomain), 0, 7L, "key", value);
        if (type != null) {
            record.headers().add(EventHeaders.EVENT_TYPE, type.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
