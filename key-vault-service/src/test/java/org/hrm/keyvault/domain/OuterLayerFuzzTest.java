package org.hrm.keyvault.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;

/**
 * Jazzer fuzz test of the outer layer's decoder: the input is a tampering mask laid over a valid C2 (cut or
 * stretched to the mask's length, then XOR the mask); anything but the untouched C2 is refused with
 * {@link CiphertextRejectedException} and never opens. The seed corpus holds the untouched mask and the cuts and
 * flips of {@link OuterLayerMutationTest}; {@code JAZZER_FUZZ=1} fuzzes (docs/reliability.md, Fuzzing).
 */
class OuterLayerFuzzTest {
    private static final String RECORD_ID = UUID.randomUUID().toString();
    private static final byte[] C1 = new byte[200];
    private static final OuterLayer OUTER = new OuterLayer(new SecureRandom());
    private static final byte[] K2 = OUTER.newRecordKey(RECORD_ID);
    private static final byte[] C2 = OUTER.seal(K2, RECORD_ID, RecordDomain.PATIENT, C1);

    @FuzzTest
    void aTamperedC2IsRefused(byte[] mask) {
        byte[] c2 = Arrays.copyOf(C2, mask.length);
        for (int i = 0; i < mask.length; i++) {
            c2[i] ^= mask[i];
        }

        if (Arrays.equals(c2, C2)) {
            assertThat(OUTER.open(K2, RECORD_ID, RecordDomain.PATIENT, c2)).isEqualTo(C1);
        } else {
            assertThatThrownBy(() -> OUTER.open(K2, RECORD_ID, RecordDomain.PATIENT, c2))
                    .isInstanceOf(CiphertextRejectedException.class);
        }
    }
}
