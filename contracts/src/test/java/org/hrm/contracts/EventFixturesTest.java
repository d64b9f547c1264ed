package org.hrm.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;
import org.hrm.contracts.schema.EventContract;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Frozen v2 fixtures: every event still decodes from them and encodes back to the same JSON. */
class EventFixturesTest {
    private final EventCodec codec = new EventCodec();
    private final JsonMapper json = JsonMapper.builder().build();

    /** Every event type of the catalogue: each has a frozen fixture. */
    static Stream<String> everyEventType() {
        return EventContract.eventTypes().stream().map(EventCodec::typeName);
    }

    @ParameterizedTest
    @MethodSource("everyEventType")
    void frozenFixtureDecodesAndEncodesToTheSameJson(String type) throws IOException {
        byte[] fixture = fixture(type);

        Object event = codec.decode(fixture, eventClass(type));

        assertThat(EventCodec.typeName(event.getClass())).isEqualTo(type);
        JsonNode reencoded = json.readTree(codec.encode(event));
        assertThat(reencoded).isEqualTo(json.readTree(fixture));
    }

    /** The signed v2 fixtures are exactly what the fixed keys sign today: a change of signed form shows here. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "PartyRegistered",
                "PartyKeyRotated",
                "PartyHistory",
                "RecordSealed",
                "AccessRequested",
                "ErasureRequested",
                "KeysDestroyed",
                "VaultCommand",
                "AuditEvent"
            })
    void signedFixtureIsWhatTheFixtureKeysSign(String type) throws IOException {
        Object signed = AuthorityFixtures.signed(type);
        if (Boolean.getBoolean("hrm.fixtures.write")) {
            java.nio.file.Files.write(
                    java.nio.file.Path.of("src/test/resources/fixtures/" + type + ".v2.json"),
                    json.writerWithDefaultPrettyPrinter().writeValueAsBytes(json.readTree(codec.encode(signed))));
        }

        assertThat(json.readTree(fixture(type))).isEqualTo(json.readTree(codec.encode(signed)));
    }

    private static Class<?> eventClass(String type) {
        try {
            return Class.forName("org.hrm.contracts.events." + type);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(type, e);
        }
    }

    static byte[] fixture(String type) throws IOException {
        try (InputStream in = EventFixturesTest.class.getResourceAsStream("/fixtures/" + type + ".v2.json")) {
            return in.readAllBytes();
        }
    }
}
