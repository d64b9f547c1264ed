package org.hrm.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CanonicalTest {

    @Test
    void labelThenEveryFieldLengthPrefixedBigEndian() {
        byte[] bytes = Canonical.of("hrm/x/v2")
                .text("ab")
                .bytes(new byte[] {1, 2, 3})
                .text(null)
                .toBytes();

        assertThat(HexFormat.of().formatHex(bytes))
                .isEqualTo("00000008" + "68726d2f782f7632" + "00000002" + "6162" + "00000003" + "010203" + "00000004"
                        + "6e756c6c");
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        assertThat(Canonical.of("l").text("ab").text("c").toBytes())
                .isNotEqualTo(Canonical.of("l").text("a").text("bc").toBytes());
        assertThat(Canonical.of("l").text("").toBytes())
                .isNotEqualTo(Canonical.of("l").toBytes());
    }

    @Test
    void sha256OfTheEmptyStringAndOfConcatenatedParts() {
        assertThat(HexFormat.of().formatHex(Sha256.digest(new byte[0])))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Sha256.digest("a".getBytes(), "bc".getBytes())).isEqualTo(Sha256.digest("abc".getBytes()));
    }
}
