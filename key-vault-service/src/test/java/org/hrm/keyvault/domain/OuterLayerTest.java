package org.hrm.keyvault.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OuterLayerTest {
    private final OuterLayer outerLayer = new OuterLayer(new SecureRandom());
    private final String recordId = UUID.randomUUID().toString();
    private final byte[] c1 = "inner envelope bytes".getBytes();

    @Test
    void opensWhatItSealedBackIntoTheExactC1() {
        byte[] k2 = outerLayer.newRecordKey(recordId);

        byte[] c2 = outerLayer.seal(k2, recordId, RecordDomain.PATIENT, c1);

        assertThat(c2).hasSize(12 + c1.length + 16);
        assertThat(outerLayer.open(k2, recordId, RecordDomain.PATIENT, c2)).isEqualTo(c1);
    }

    @Test
    void derivesAFresh32ByteK2ForEveryRecordEvenWithTheSameId() {
        byte[] first = outerLayer.newRecordKey(recordId);

        byte[] second = outerLayer.newRecordKey(recordId);

        assertThat(first).hasSize(32).isNotEqualTo(second);
    }

    @Test
    void usesAFreshNonceForEverySeal() {
        byte[] k2 = outerLayer.newRecordKey(recordId);

        byte[] first = outerLayer.seal(k2, recordId, RecordDomain.PATIENT, c1);
        byte[] second = outerLayer.seal(k2, recordId, RecordDomain.PATIENT, c1);

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void rejectsAC2WithOneBitFlipped() {
        byte[] k2 = outerLayer.newRecordKey(recordId);
        byte[] c2 = outerLayer.seal(k2, recordId, RecordDomain.PATIENT, c1);

        c2[20] ^= 1;

        assertThatThrownBy(() -> outerLayer.open(k2, recordId, RecordDomain.PATIENT, c2))
                .isInstanceOf(CiphertextRejectedException.class)
                .hasMessageContaining("outer layer of record " + recordId)
                .hasMessageContaining("does not authenticate");
    }

    @Test
    void rejectsAC2OpenedUnderAnotherRecordId() {
        byte[] k2 = outerLayer.newRecordKey(recordId);
        byte[] c2 = outerLayer.seal(k2, recordId, RecordDomain.PATIENT, c1);
        String otherId = UUID.randomUUID().toString();

        assertThatThrownBy(() -> outerLayer.open(k2, otherId, RecordDomain.PATIENT, c2))
                .isInstanceOf(CiphertextRejectedException.class)
                .hasMessageContaining("another record or domain");
    }

    @Test
    void rejectsAC2OpenedInTheOtherDomain() {
        byte[] k2 = outerLayer.newRecordKey(recordId);
        byte[] c2 = outerLayer.seal(k2, recordId, RecordDomain.PATIENT, c1);

        assertThatThrownBy(() -> outerLayer.open(k2, recordId, RecordDomain.PRACTITIONER, c2))
                .isInstanceOf(CiphertextRejectedException.class)
                .hasMessageContaining("domain PRACTITIONER");
    }

    @Test
    void rejectsATruncatedC2() {
        byte[] k2 = outerLayer.newRecordKey(recordId);

        assertThatThrownBy(() -> outerLayer.open(k2, recordId, RecordDomain.PATIENT, new byte[20]))
                .isInstanceOf(CiphertextRejectedException.class)
                .hasMessageContaining("too short");
    }

    @Test
    void bindsRecordIdAndDomainInTheAadAsSpecified() {
        byte[] aad = OuterLayer.aad("rid", RecordDomain.PATIENT);

        assertThat(aad).isEqualTo("rid\0PATIENT".getBytes());
    }
}
