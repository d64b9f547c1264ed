package org.hrm.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class P256KeyPairTest {

    @Test
    void aGeneratedPairRoundTripsThroughItsPrivateScalar() {
        P256KeyPair pair = P256KeyPair.generate();

        byte[] scalar = pair.privateKey();
        P256KeyPair loaded = P256KeyPair.of(pair.publicKey(), scalar);

        assertThat(scalar).hasSize(32);
        assertThat(pair.publicKey()).hasSize(65).isEqualTo(loaded.publicKey());
        assertThat(P256.isPublicKey(pair.publicKey())).isTrue();
        assertThat(Ecdsa.verify(pair.publicKey(), new byte[] {1}, loaded.sign(new byte[] {1})))
                .isTrue();
    }

    @Test
    void refusesAPublicKeyThatIsNotTheScalars() {
        byte[] other = P256KeyPair.generate().publicKey();

        assertThatThrownBy(() -> P256KeyPair.of(other, P256Test.RFC6979_PRIVATE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not match");
        assertThatThrownBy(() -> P256KeyPair.of(null, P256Test.RFC6979_PRIVATE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void copiesTheScalarItIsGivenAndZeroesItsOwnOnDestroy() {
        byte[] scalar = P256Test.RFC6979_PRIVATE.clone();
        P256KeyPair pair = P256KeyPair.fromPrivateKey(scalar);
        scalar[0] ^= 1;

        assertThat(pair.publicKey()).isEqualTo(P256Test.RFC6979_PUBLIC);
        pair.destroy();

        assertThat(pair.isDestroyed()).isTrue();
        assertThat(pair.publicKey()).isEqualTo(P256Test.RFC6979_PUBLIC);
        assertThatThrownBy(pair::privateKey).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> pair.sign(new byte[1])).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Hpke.open(pair, new byte[0], new byte[0], new byte[81]))
                .isInstanceOf(IllegalStateException.class);
        assertThat(pair.toString()).doesNotContain(P256Test.HEX.formatHex(P256Test.RFC6979_PRIVATE));
    }
}
