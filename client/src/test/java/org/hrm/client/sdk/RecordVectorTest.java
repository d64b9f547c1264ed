package org.hrm.client.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hrm.client.sdk.TestParties.AUTHOR;
import static org.hrm.client.sdk.TestParties.AUTHOR_ID;
import static org.hrm.client.sdk.TestParties.DOMAIN;
import static org.hrm.client.sdk.TestParties.OWNER;
import static org.hrm.client.sdk.TestParties.OWNER_ID;
import static org.hrm.client.sdk.TestParties.RECORD_ID;
import static org.hrm.client.sdk.TestParties.hex;

import java.util.List;
import org.hrm.contracts.events.KeyShare;
import org.junit.jupiter.api.Test;

/**
 * A whole envelope v1 record frozen byte for byte (as records were written before protocol v2, still readable): C1,
 * both HPKE key shares and the RFC 6979 provenance signature.
 *
 * <p>Derived independently by {@code src/test/resources/vectors/derive_vectors.py}: HPKE written from RFC 9180 on
 * Python's hmac and the {@code cryptography} package's P-256 ECDH and AES-GCM (checked against the RFC's vector
 * first), the signed bytes written from the {@link Provenance} format, and {@code cryptography}'s deterministic ECDSA.
 * A browser or third-party client that reproduces these bytes interoperates with this SDK.
 */
class RecordVectorTest {
    static final String IKM_E_OWNER = "11".repeat(32);
    static final String IKM_E_AUTHOR = "22".repeat(32);
    static final String OWNER_SHARE = "04bc706682367d15709bae0f2a2f12435f54aa31b6770e5907afe79e72be39b207"
            + "5a593671db10a4f36eae2c6268a8aed589d4a64cb12cc0dda078ed49ba69ad67"
            + "9614768aed7b24218f20121e91efe75ab1cd37d6ace1f63e2ff316c05fbdcda8d459d57531e472242d2ec2a41b287ceb";
    static final String AUTHOR_SHARE = "0449c42cadce500426240cb217c1974ca8e310937b2a7d6e43acce12b4b31d395e"
            + "bc4a7bc8897b03be18aaa6b04c8b45e77641144cd44c3b0aaeab10eae1e6cc41"
            + "bdc78c2f3e3f5b721a36223bf9915b94bb4f8f579de314ef61bbadfc3f5480d918202303d130d44008e242f7f45618ca";
    static final String SIGNATURE = "c6cf65b07a36f4ec557ec772e2a3df471fc0269e7074fd73b9ca17bb32a5b368"
            + "7228731431805657001f9b2002ab32ad9e326ea480ea39a69f54e919b124fd31";

    @Test
    void encryptsToTheFrozenRecord() {
        QueuedRandom random =
                new QueuedRandom(InnerLayerVectorTest.SALT, InnerLayerVectorTest.NONCE, IKM_E_OWNER, IKM_E_AUTHOR);

        EncryptedRecord record = new RecordEncryptor(random)
                .encryptV1(
                        RECORD_ID, DOMAIN, OWNER_ID, AUTHOR, InnerLayerVectorTest.PLAINTEXT, TestParties.ownerOnly());

        assertThat(random.exhausted()).isTrue();
        assertThat(hex(record.innerCiphertext())).isEqualTo(InnerLayerVectorTest.C1);
        assertThat(record.shares()).extracting(KeyShare::readerId).containsExactly(OWNER_ID, AUTHOR_ID);
        assertThat(hex(record.shares().get(0).share())).isEqualTo(OWNER_SHARE);
        assertThat(hex(record.shares().get(1).share())).isEqualTo(AUTHOR_SHARE);
        assertThat(hex(record.authorSignature())).isEqualTo(SIGNATURE);
    }

    @Test
    void theFrozenRecordOpensForItsOwnerAndVerifiesAgainstItsAuthor() {
        RecordDecryptor decryptor = new RecordDecryptor();
        byte[] c1 = hex(InnerLayerVectorTest.C1);
        var ownerShare = new KeyShare(OWNER_ID, hex(OWNER_SHARE));
        var authorShare = new KeyShare(AUTHOR_ID, hex(AUTHOR_SHARE));

        byte[] plaintext = decryptor.decrypt(RECORD_ID, DOMAIN, OWNER_ID, c1, ownerShare, OWNER);

        assertThat(plaintext).isEqualTo(InnerLayerVectorTest.PLAINTEXT);
        decryptor.verifyProvenance(
                RECORD_ID,
                DOMAIN,
                OWNER_ID,
                AUTHOR_ID,
                c1,
                List.of(ownerShare, authorShare),
                hex(SIGNATURE),
                AUTHOR.publicKey());
    }
}
