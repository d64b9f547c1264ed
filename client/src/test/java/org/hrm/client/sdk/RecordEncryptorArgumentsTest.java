package org.hrm.client.sdk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hrm.client.sdk.TestParties.AUTHOR;
import static org.hrm.client.sdk.TestParties.AUTHOR_ID;
import static org.hrm.client.sdk.TestParties.DOMAIN;
import static org.hrm.client.sdk.TestParties.GRANTEE;
import static org.hrm.client.sdk.TestParties.OWNER;
import static org.hrm.client.sdk.TestParties.OWNER_ID;
import static org.hrm.client.sdk.TestParties.RECORD_ID;
import static org.hrm.client.sdk.TestParties.STRANGER;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordEncryptorArgumentsTest {
    private static final byte[] PLAINTEXT = "Vaccination: MMR".getBytes(UTF_8);

    private final RecordEncryptor encryptor = new RecordEncryptor();

    @Test
    void refusesARecordOverFourMebibytesNamingTheLimit() {
        byte[] tooLarge = new byte[4 * 1024 * 1024 + 1];
        Map<String, byte[]> readers = Map.of(OWNER_ID, OWNER.publicKey(), AUTHOR_ID, AUTHOR.publicKey());

        assertThatThrownBy(() -> encryptor.encrypt(RECORD_ID, DOMAIN, OWNER_ID, AUTHOR, tooLarge, readers))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("record too large")
                .hasMessageContaining("4194304 bytes (4 MiB)");
    }

    @Test
    void requiresTheOwnersPublicKey() {
        Map<String, byte[]> withoutOwner = Map.of(GRANTEE.partyId(), GRANTEE.publicKey());

        assertThatThrownBy(() -> encryptor.encrypt(RECORD_ID, DOMAIN, OWNER_ID, AUTHOR, PLAINTEXT, withoutOwner))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reader keys must include the owner patient-0001");
    }

    @Test
    void rejectsAnAuthorKeyThatIsNotTheAuthors() {
        Map<String, byte[]> wrongAuthorKey = Map.of(OWNER_ID, OWNER.publicKey(), AUTHOR_ID, STRANGER.publicKey());

        assertThatThrownBy(() -> encryptor.encrypt(RECORD_ID, DOMAIN, OWNER_ID, AUTHOR, PLAINTEXT, wrongAuthorKey))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not its key");
    }

    @Test
    void rejectsAReaderKeyOffTheCurve() {
        byte[] offCurve = OWNER.publicKey();
        offCurve[64] ^= 1;

        assertThatThrownBy(() ->
                        encryptor.encrypt(RECORD_ID, DOMAIN, OWNER_ID, AUTHOR, PLAINTEXT, Map.of(OWNER_ID, offCurve)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reader patient-0001: public key is not a point on P-256");
    }

    @Test
    void rejectsARecordIdThatIsNotAUuid() {
        assertThatThrownBy(() ->
                        encryptor.encrypt("record-1", DOMAIN, OWNER_ID, AUTHOR, PLAINTEXT, TestParties.ownerOnly()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("record id must be a UUID");
    }
}
