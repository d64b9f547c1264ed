package org.hrm.keyvault.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded mutation tests of the outer layer's decoder: every flipped bit (sampled), cut or extension of a C2
 * is refused with {@link CiphertextRejectedException}, never opened and never failing in another way.
 */
class OuterLayerMutationTest {
    private static final long SEED = 20261125L;
    private static final String RECORD_ID = UUID.randomUUID().toString();
    private static final OuterLayer OUTER = new OuterLayer(new SecureRandom());
    private static final byte[] K2 = OUTER.newRecordKey(RECORD_ID);
    private static final byte[] C2 = OUTER.seal(K2, RECORD_ID, RecordDomain.PATIENT, new byte[200]);

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutants")
    void aTamperedC2IsRefused(String mutation, byte[] c2) {
        assertThatThrownBy(() -> OUTER.open(K2, RECORD_ID, RecordDomain.PATIENT, c2))
                .isInstanceOf(CiphertextRejectedException.class);
    }

    @Test
    void theUntamperedC2Opens() {
        assertThat(OUTER.open(K2, RECORD_ID, RecordDomain.PATIENT, C2)).isEqualTo(new byte[200]);
    }

    static Stream<Arguments> mutants() {
        Random random = new Random(SEED);
        List<Arguments> all = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int index = random.nextInt(C2.length);
            int bit = random.nextInt(8);
            byte[] flipped = C2.clone();
            flipped[index] ^= (byte) (1 << bit);
            all.add(Arguments.of("bit " + bit + " of byte " + index + " flipped", flipped));
        }
        for (int length : new int[] {0, 1, 11, 12, 27, 28, 29, C2.length / 2, C2.length - 16, C2.length - 1}) {
            all.add(Arguments.of("cut to " + length + " bytes", Arrays.copyOf(C2, length)));
        }
        byte[] extended = Arrays.copyOf(C2, C2.length + 1 + random.nextInt(32));
        all.add(Arguments.of("extended by " + (extended.length - C2.length) + " bytes", extended));
        byte[] noise = new byte[C2.length];
        random.nextBytes(noise);
        all.add(Arguments.of("random bytes of the same length", noise));
        return all.stream();
    }
}
