package org.hrm.contracts;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded mutation tests of the event parser, the door every consumer's input comes through: each frozen fixture
 * flipped, cut, spliced, stretched and retyped. A mutant decodes or is refused with {@link InvalidEventException}
 * and a reason (a dead letter), never with anything else, which would block a partition.
 */
class EventMutationTest {
    private static final long SEED = 20261125L;
    private static final int MUTANTS_PER_TYPE = 28;
    private static final List<String> TYPES = EventFixturesTest.everyEventType().toList();

    private final EventCodec codec = new EventCodec();

    @ParameterizedTest(name = "{0} mutant {1}")
    @MethodSource("mutants")
    void aMutatedEventDecodesOrIsRefusedWithAReason(String type, int mutant, byte[] bytes) {
        try {
            codec.decode(bytes, eventClass(type));
        } catch (InvalidEventException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @ParameterizedTest(name = "{0} cut at {1}")
    @MethodSource("truncations")
    void aTruncatedEventIsAlwaysRefused(String type, int length, byte[] bytes) {
        assertThatThrownBy(() -> codec.decode(bytes, eventClass(type))).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void deeplyNestedJsonIsRefusedWithoutExhaustingTheStack() {
        byte[] nested = ("{\"recordId\":" + "[".repeat(100_000)).getBytes(UTF_8);

        assertThatThrownBy(() -> codec.decode(nested, org.hrm.contracts.events.RecordSubmitted.class))
                .isInstanceOf(InvalidEventException.class);
    }

    @ParameterizedTest(name = "ledger payload mutant {0}")
    @MethodSource("payloadMutants")
    void aMutatedLedgerPayloadDecodesOrIsRefusedWithAReason(int mutant, byte[] bytes) {
        try {
            LedgerPayload.decode(bytes);
        } catch (InvalidEventException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    static Stream<Arguments> mutants() {
        List<Arguments> all = new ArrayList<>();
        for (String type : TYPES) {
            byte[] fixture = fixture(type);
            Random random = new Random(SEED + type.hashCode());
            for (int i = 0; i < MUTANTS_PER_TYPE; i++) {
                all.add(Arguments.of(type, i, Mutations.mutate(fixture, i, random)));
            }
        }
        return all.stream();
    }

    static Stream<Arguments> truncations() {
        List<Arguments> all = new ArrayList<>();
        for (String type : TYPES) {
            byte[] fixture = trimmed(fixture(type));
            Random random = new Random(SEED - type.hashCode());
            for (int i = 0; i < 5; i++) {
                int length = random.nextInt(fixture.length - 1);
                all.add(Arguments.of(type, length, Arrays.copyOf(fixture, length)));
            }
        }
        return all.stream();
    }

    static Stream<Arguments> payloadMutants() {
        byte[] payload = new LedgerPayload(
                        new byte[300],
                        List.of(new org.hrm.contracts.events.SealedShare(new byte[32], new byte[113])),
                        new byte[64])
                .encode();
        Random random = new Random(SEED + 7);
        List<Arguments> all = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            all.add(Arguments.of(i, Mutations.mutate(payload, i, random)));
        }
        return all.stream();
    }

    private static byte[] trimmed(byte[] json) {
        return new String(json, UTF_8).strip().getBytes(UTF_8);
    }

    private static Class<?> eventClass(String type) {
        try {
            return Class.forName("org.hrm.contracts.events." + type);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(type, e);
        }
    }

    private static byte[] fixture(String type) {
        try {
            return EventFixturesTest.fixture(type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
