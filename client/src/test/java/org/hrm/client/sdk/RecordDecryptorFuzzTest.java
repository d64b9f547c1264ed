package org.hrm.client.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hrm.client.sdk.TestParties.AUTHOR;
import static org.hrm.client.sdk.TestParties.DOMAIN;
import static org.hrm.client.sdk.TestParties.OWNER;
import static org.hrm.client.sdk.TestParties.OWNER_ID;
import static org.hrm.client.sdk.TestParties.RECORD_ID;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import org.hrm.contracts.events.KeyShare;

/**
 * Jazzer fuzz test of the inner envelope and key share decoders behind {@link RecordDecryptor}: the input is a
 * tampering mask laid over a valid record's bytes; anything but the untouched bytes fails with exactly
 * {@link RecordCryptoException}, and never opens. The seed corpus (src/test/resources, next to this class's package)
 * holds the untouched mask and the edge cases of {@link RecordCryptoPropertiesTest}: cuts, stretches, flipped bits;
 * {@code JAZZER_FUZZ=1} fuzzes (docs/reliability.md, Fuzzing).
 */
class RecordDecryptorFuzzTest {
    private static final byte[] PLAINTEXT = new byte[100];
    private static final EncryptedRecord RECORD =
            new RecordEncryptor().encrypt(RECORD_ID, DOMAIN, OWNER_ID, AUTHOR, PLAINTEXT, TestParties.ownerOnly());
    private static final byte[] ENVELOPE = RECORD.innerCiphertext();
    private static final KeyShare SHARE = RECORD.shareOf(OWNER_ID);

    private final RecordDecryptor decryptor = new RecordDecryptor();

    @FuzzTest
    void aTamperedEnvelopeNeverOpens(byte[] mask) {
        byte[] envelope = tampered(ENVELOPE, mask);

        assertOpensOnlyIfUntouched(envelope, SHARE, Arrays.equals(envelope, ENVELOPE));
    }

    @FuzzTest
    void aTamperedKeyShareNeverOpens(byte[] mask) {
        byte[] share = tampered(SHARE.share(), mask);
        KeyShare forged = new KeyShare(OWNER_ID, share.length == 0 ? new byte[] {0} : share);

        assertOpensOnlyIfUntouched(ENVELOPE, forged, Arrays.equals(share, SHARE.share()));
    }

    private void assertOpensOnlyIfUntouched(byte[] envelope, KeyShare share, boolean untouched) {
        if (untouched) {
            assertThat(decryptor.decrypt(RECORD_ID, DOMAIN, OWNER_ID, envelope, share, OWNER))
                    .isEqualTo(PLAINTEXT);
        } else {
            assertThatThrownBy(() -> decryptor.decrypt(RECORD_ID, DOMAIN, OWNER_ID, envelope, share, OWNER))
                    .isExactlyInstanceOf(RecordCryptoException.class);
        }
    }

    /** The original cut or stretched to the mask's length, XOR the mask: an all-zero mask of equal length is a no-op. */
    private static byte[] tampered(byte[] original, byte[] mask) {
        byte[] out = Arrays.copyOf(original, mask.length);
        for (int i = 0; i < mask.length; i++) {
            out[i] ^= mask[i];
        }
        return out;
    }
}
