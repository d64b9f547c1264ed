package org.hrm.ledgerwriter.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RecordIdsTest {

    @Test
    void mapsAUuidToItsSixteenBigEndianBytes() {
        String recordId = "00112233-4455-6677-8899-aabbccddeeff";

        byte[] bytes = RecordIds.toBytes16(recordId);

        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo("00112233445566778899aabbccddeeff");
    }

    @RepeatedTest(20)
    void roundTripsAnyRecordId() {
        String recordId = UUID.randomUUID().toString();

        String back = RecordIds.fromBytes16(RecordIds.toBytes16(recordId));

        assertThat(back).isEqualTo(recordId);
    }

    @Test
    void readsTheRecordIdFromALeftAlignedLogTopic() {
        byte[] topic = HexFormat.of().parseHex("00112233445566778899aabbccddeeff" + "00".repeat(16));

        String recordId = RecordIds.fromBytes16(topic);

        assertThat(recordId).isEqualTo("00112233-4455-6677-8899-aabbccddeeff");
    }

    @Test
    void rejectsFewerThanSixteenBytes() {
        byte[] tooShort = new byte[15];

        assertThatThrownBy(() -> RecordIds.fromBytes16(tooShort)).isInstanceOf(IllegalArgumentException.class);
    }
}
