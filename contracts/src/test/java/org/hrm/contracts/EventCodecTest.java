package org.hrm.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.hrm.contracts.events.RecordSubmitted;
import org.junit.jupiter.api.Test;

class EventCodecTest {
    private final EventCodec codec = new EventCodec(4096);

    @Test
    void ignoresUnknownFieldsSoVersionsCanGrowAdditively() throws IOException {
        String json = new String(EventFixturesTest.fixture("RecordSubmitted"), StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{\"addedLater\":true,");

        RecordSubmitted event = codec.decode(json.getBytes(StandardCharsets.UTF_8), RecordSubmitted.class);

        assertThat(event.ownerId()).isEqualTo("patient-alice");
    }

    @Test
    void rejectsMalformedJsonWithAReason() {
        assertThatThrownBy(() -> codec.decode("{\"recordId\":".getBytes(StandardCharsets.UTF_8), RecordSubmitted.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("malformed RecordSubmitted");
    }

    @Test
    void rejectsMissingFieldsNamingTheField() throws IOException {
        String json = new String(EventFixturesTest.fixture("RecordSubmitted"), StandardCharsets.UTF_8)
                .replace("\"ownerId\": \"patient-alice\",", "");

        assertThatThrownBy(() -> codec.decode(json.getBytes(StandardCharsets.UTF_8), RecordSubmitted.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("missing field ownerId");
    }

    @Test
    void rejectsRecordIdsThatAreNotUuids() throws IOException {
        String json = new String(EventFixturesTest.fixture("RecordSubmitted"), StandardCharsets.UTF_8)
                .replace("1b4e28ba-2fa1-41d2-883f-0016d3cca427", "record-1");

        assertThatThrownBy(() -> codec.decode(json.getBytes(StandardCharsets.UTF_8), RecordSubmitted.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("recordId must be a UUID");
    }

    @Test
    void rejectsUnknownDomains() throws IOException {
        String json = new String(EventFixturesTest.fixture("RecordSubmitted"), StandardCharsets.UTF_8)
                .replace("\"PATIENT\"", "\"VETERINARY\"");

        assertThatThrownBy(() -> codec.decode(json.getBytes(StandardCharsets.UTF_8), RecordSubmitted.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("VETERINARY");
    }

    @Test
    void rejectsOversizedEventsBeforeParsing() {
        byte[] huge = new byte[4097];

        assertThatThrownBy(() -> codec.decode(huge, RecordSubmitted.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("oversized event: 4097 bytes, limit 4096");
    }

    @Test
    void rejectsEmptyAndNullJson() {
        assertThatThrownBy(() -> codec.decode(new byte[0], RecordSubmitted.class))
                .hasMessage("empty event");
        assertThatThrownBy(() -> codec.decode("null".getBytes(StandardCharsets.UTF_8), RecordSubmitted.class))
                .isInstanceOf(InvalidEventException.class);
    }

    @Test
    void aKeyRotationHasItsOwnTypeNameOnThePartiesTopic() {
        assertThat(EventCodec.typeName(org.hrm.contracts.events.PartyKeyRotated.class))
                .isEqualTo("PartyKeyRotated");
        assertThat(Topic.PARTY_REGISTERED.valueTypes())
                .containsExactly(
                        org.hrm.contracts.events.PartyRegistered.class, org.hrm.contracts.events.PartyKeyRotated.class);
        assertThat(Topic.ERASURE_REQUESTED.valueTypes())
                .containsExactly(org.hrm.contracts.events.ErasureRequested.class);
    }

    @Test
    void readsTheCurrentSchemaVersionOrNoneAndRefusesAnyOther() {
        assertThat(EventCodec.schemaVersionRefusal("2")).isEmpty();
        assertThat(EventCodec.schemaVersionRefusal(null)).isEmpty();
        // Protocol v1 (unsigned authority events) is refused as a whole; the verifiers refuse its payloads anyway.
        assertThat(EventCodec.schemaVersionRefusal("1"))
                .contains("unsupported schema version '1': this consumer reads version 2");
        assertThat(EventCodec.schemaVersionRefusal("3"))
                .contains("unsupported schema version '3': this consumer reads version 2");
        assertThat(EventCodec.schemaVersionRefusal("1".repeat(40)).orElseThrow())
                .contains("11111111111111111111...");
    }
}
