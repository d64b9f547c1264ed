package org.hrm.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.hrm.contracts.events.SealedShare;
import org.junit.jupiter.api.Test;

class LedgerPayloadTest {
    private final Random random = new Random(7);

    @Test
    void encodesAndDecodesEveryField() {
        LedgerPayload payload = new LedgerPayload(bytes(1024), List.of(share(), share()), bytes(64));

        LedgerPayload decoded = LedgerPayload.decode(payload.encode());

        assertThat(decoded.outerCiphertext()).isEqualTo(payload.outerCiphertext());
        assertThat(decoded.authorSignature()).isEqualTo(payload.authorSignature());
        assertThat(decoded.shares()).hasSize(2);
        assertThat(decoded.shares().get(1).readerPseudonym())
                .isEqualTo(payload.shares().get(1).readerPseudonym());
        assertThat(decoded.shares().get(1).share())
                .isEqualTo(payload.shares().get(1).share());
    }

    @Test
    void rejectsEveryTruncationAndTrailingBytes() {
        byte[] encoded = new LedgerPayload(bytes(40), List.of(share()), bytes(64)).encode();

        for (int length = 0; length < encoded.length; length++) {
            byte[] truncated = Arrays.copyOf(encoded, length);
            assertThatThrownBy(() -> LedgerPayload.decode(truncated)).isInstanceOf(InvalidEventException.class);
        }
        byte[] longer = Arrays.copyOf(encoded, encoded.length + 1);
        assertThatThrownBy(() -> LedgerPayload.decode(longer)).hasMessageContaining("trailing");
    }

    @Test
    void rejectsUnknownVersionsAndRandomBytes() {
        byte[] encoded = new LedgerPayload(bytes(40), List.of(share()), bytes(64)).encode();
        encoded[0] = 2;

        assertThatThrownBy(() -> LedgerPayload.decode(encoded)).hasMessageContaining("version 2");
        for (int i = 0; i < 2000; i++) {
            byte[] noise = bytes(1 + random.nextInt(300));
            assertThatThrownBy(() -> LedgerPayload.decode(noise)).isInstanceOf(InvalidEventException.class);
        }
    }

    private SealedShare share() {
        return new SealedShare(bytes(32), bytes(113));
    }

    private byte[] bytes(int length) {
        byte[] value = new byte[length];
        random.nextBytes(value);
        return value;
    }
}
