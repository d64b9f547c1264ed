package org.hrm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.hrm.contracts.authority.ShareShape;
import org.junit.jupiter.api.Test;

class CiphertextCheckTest {
    private final Random random = new Random(42);

    @Test
    void randomBytesOfEverySizeAreNotMistakenForPlaintext() {
        for (int size : new int[] {16, 113, 1024, 4096, 65536}) {
            for (int i = 0; i < 50; i++) {
                byte[] bytes = new byte[size];
                random.nextBytes(bytes);

                assertThat(CiphertextCheck.looksLikePlaintext(bytes))
                        .as("random %d bytes", size)
                        .isFalse();
            }
        }
    }

    @Test
    void aFhirResourceInClearIsCaughtEvenInsideRandomBytes() {
        byte[] record = "{\"resourceType\":\"Observation\",\"subject\":\"alice\"}".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[400];
        random.nextBytes(bytes);
        System.arraycopy(record, 0, bytes, 100, record.length);

        assertThat(CiphertextCheck.looksLikePlaintext(bytes)).isTrue();
    }

    @Test
    void lowEntropyBinaryIsCaught() {
        byte[] bytes = new byte[2048];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i % 16 == 0 ? 0xff : random.nextInt(8));
        }

        assertThat(ShareShape.longestPrintableRun(bytes)).isLessThan(CiphertextCheck.MAX_PRINTABLE_RUN);
        assertThat(CiphertextCheck.looksLikePlaintext(bytes)).isTrue();
    }
}
