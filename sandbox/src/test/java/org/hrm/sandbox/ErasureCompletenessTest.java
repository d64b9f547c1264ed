package org.hrm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hrm.client.sdk.EncryptedRecord;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.client.sdk.RecordEncryptor;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.events.KeyShare;
import org.hrm.contracts.events.RecordReleased;
import org.hrm.crypto.Hpke;
import org.junit.jupiter.api.Test;

/** The erasure check finds a planted copy of C1 wherever it is, and finds nothing where only shares and C2 are. */
class ErasureCompletenessTest {
    private static final PartyKeys OWNER = PartyKeys.generate("patient-dana");
    private static final PartyKeys AUTHOR = PartyKeys.generate("hospital-north");
    private static final PartyKeys DOCTOR = PartyKeys.generate("dr-ives");
    private static final EventCodec CODEC = new EventCodec();

    private final String recordId = UUID.randomUUID().toString();
    private final EncryptedRecord record = new RecordEncryptor()
            .encrypt(
                    recordId,
                    Domain.PATIENT,
                    OWNER.partyId(),
                    AUTHOR,
                    "dana: HIV test negative".getBytes(StandardCharsets.UTF_8),
                    Map.of(OWNER.partyId(), OWNER.publicKey()));
    private final List<ErasureCompleteness.ErasedRecord> erased =
            List.of(new ErasureCompleteness.ErasedRecord(recordId, Domain.PATIENT, OWNER.partyId()));
    private final ErasureCompleteness check = new ErasureCompleteness(List.of(DOCTOR, AUTHOR, OWNER));
    private final List<ErasureCompleteness.Blob> blobs = new ArrayList<>();
    private final List<ErasureCompleteness.FoundRelease> releases = new ArrayList<>();

    @Test
    void aSubmissionLeftOnATopicIsACopyThatOpensTheErasedRecord() {
        byte[] submitted = CODEC.encode(record.toSubmitted(Instant.now(), "Observation"));
        ErasureCompleteness.collect("topic hrm.patient.record-submitted-2@17", submitted, blobs, releases, CODEC);

        ErasureCompleteness.Result result = check.examine(erased, blobs, releases);

        assertThat(result.recoverable()).isTrue();
        assertThat(result.copies())
                .containsExactly(new ErasureCompleteness.Copy("topic hrm.patient.record-submitted-2@17", recordId));
    }

    @Test
    void c1InADatabaseOpensWithAShareFromTheChain() {
        blobs.add(new ErasureCompleteness.Blob(
                "chain", record.shareOf(AUTHOR.partyId()).share()));
        blobs.add(new ErasureCompleteness.Blob("mongo consent.records", record.innerCiphertext()));

        ErasureCompleteness.Result result = check.examine(erased, blobs, releases);

        assertThat(result.copies())
                .extracting(ErasureCompleteness.Copy::where)
                .containsExactly("mongo consent.records");
    }

    @Test
    void aReleaseSealedToAGranteeIsACopyForTheGranteesKey() {
        String requestId = UUID.randomUUID().toString();
        byte[] sealed = Hpke.seal(
                DOCTOR.publicKey(),
                RecordReleased.sealInfo(requestId),
                RecordReleased.sealAad(DOCTOR.partyId(), recordId),
                record.innerCiphertext(),
                new SecureRandom());
        RecordReleased release = new RecordReleased(
                requestId,
                recordId,
                Domain.PATIENT,
                DOCTOR.partyId(),
                sealed,
                new KeyShare(OWNER.partyId(), record.shareOf(OWNER.partyId()).share()),
                Instant.now());
        ErasureCompleteness.collect(
                "topic hrm.patient.record-released-0@3", CODEC.encode(release), blobs, releases, CODEC);

        ErasureCompleteness.Result result = check.examine(erased, blobs, releases);

        assertThat(result.copies())
                .extracting(ErasureCompleteness.Copy::where)
                .containsExactly("topic hrm.patient.record-released-0@3 (sealed to dr-ives)");
    }

    @Test
    void sharesAndOtherRecordsOpenNothingOfTheErasedRecord() {
        EncryptedRecord other = new RecordEncryptor()
                .encrypt(
                        UUID.randomUUID().toString(),
                        Domain.PATIENT,
                        OWNER.partyId(),
                        AUTHOR,
                        "dana: blood pressure".getBytes(StandardCharsets.UTF_8),
                        Map.of(OWNER.partyId(), OWNER.publicKey()));
        record.shares().forEach(share -> blobs.add(new ErasureCompleteness.Blob("chain", share.share())));
        ErasureCompleteness.collect(
                "topic hrm.patient.record-submitted-1@4",
                CODEC.encode(other.toSubmitted(Instant.now(), "Observation")),
                blobs,
                releases,
                CODEC);

        ErasureCompleteness.Result result = check.examine(erased, blobs, releases);

        assertThat(result.sharesOpened())
                .as("the erased record's shares still open: K1 alone")
                .isEqualTo(2);
        assertThat(result.recoverable()).isFalse();
    }

    @Test
    void abiFieldsAreFoundInLogDataAndTransactionInput() {
        byte[] field = record.innerCiphertext();
        byte[] data = new byte[64 + ((field.length + 31) / 32) * 32];
        data[31] = 32; // offset
        data[63] = (byte) field.length;
        System.arraycopy(field, 0, data, 64, field.length);

        assertThat(ErasureSurvey.abiBytesFields(data))
                .anySatisfy(found -> assertThat(found).isEqualTo(field));
    }
}
