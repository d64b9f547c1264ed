package org.hrm.client.sdk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hrm.client.sdk.TestParties.AUTHOR;
import static org.hrm.client.sdk.TestParties.AUTHOR_ID;
import static org.hrm.client.sdk.TestParties.DOMAIN;
import static org.hrm.client.sdk.TestParties.OWNER_ID;
import static org.hrm.client.sdk.TestParties.RECORD_ID;
import static org.hrm.client.sdk.TestParties.STRANGER;
import static org.hrm.client.sdk.TestParties.hex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hrm.contracts.Domain;
import org.hrm.contracts.events.KeyShare;
import org.junit.jupiter.api.Test;

class ProvenanceTest {
    private final RecordDecryptor decryptor = new RecordDecryptor();
    private final EncryptedRecord record = new RecordEncryptor()
            .encrypt(
                    RECORD_ID,
                    DOMAIN,
                    OWNER_ID,
                    AUTHOR,
                    "Discharge summary".getBytes(UTF_8),
                    TestParties.ownerAndGrantee());

    @Test
    void verifiesAgainstTheAuthorsKey() {
        assertThatCode(() -> decryptor.verifyProvenance(record, AUTHOR.publicKey()))
                .doesNotThrowAnyException();
    }

    @Test
    void flippedSignatureBitIsInvalid() {
        byte[] signature = record.authorSignature().clone();
        signature[17] ^= 0x01;

        assertInvalid(record.innerCiphertext(), record.shares(), signature, AUTHOR.publicKey());
    }

    @Test
    void anotherPartysKeyDoesNotVerify() {
        assertInvalid(record.innerCiphertext(), record.shares(), record.authorSignature(), STRANGER.publicKey());
    }

    @Test
    void changedCiphertextIsInvalid() {
        byte[] c1 = record.innerCiphertext().clone();
        c1[c1.length - 1] ^= 0x01;

        assertInvalid(c1, record.shares(), record.authorSignature(), AUTHOR.publicKey());
    }

    @Test
    void reorderedSharesAreInvalid() {
        List<KeyShare> reordered = new ArrayList<>(record.shares());
        reordered.add(reordered.remove(0));

        assertInvalid(record.innerCiphertext(), reordered, record.authorSignature(), AUTHOR.publicKey());
    }

    @Test
    void addedShareIsInvalid() {
        List<KeyShare> added = new ArrayList<>(record.shares());
        added.add(new KeyShare(STRANGER.partyId(), record.shares().get(0).share()));

        assertInvalid(record.innerCiphertext(), added, record.authorSignature(), AUTHOR.publicKey());
    }

    @Test
    void changedDomainIsInvalid() {
        assertInvalidFor(Domain.PRACTITIONER, OWNER_ID);
    }

    @Test
    void changedOwnerIsInvalid() {
        assertInvalidFor(DOMAIN, "patient-0002");
    }

    @Test
    void truncatedSignatureIsInvalid() {
        byte[] signature = Arrays.copyOf(record.authorSignature(), 63);

        assertInvalid(record.innerCiphertext(), record.shares(), signature, AUTHOR.publicKey());
    }

    @Test
    void signaturesAreDeterministicPerRfc6979WithLowS() {
        // RFC 6979 A.2.5: P-256, SHA-256, message "sample"; the RFC's s (f7cb...) is above n/2, signatures carry n - s.
        PartyKeys signer = PartyKeys.fromPrivateKey(
                "rfc6979", hex("c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721"));

        byte[] signature = Provenance.sign(signer, "sample".getBytes(UTF_8));

        assertThat(hex(signature))
                .isEqualTo("efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716"
                        + "0834e36ad29a83bf2bc9385e491d6099c8fdf9d1ed67aa7ea5f51f93782857a9");
    }

    private void assertInvalidFor(Domain domain, String ownerId) {
        assertThatThrownBy(() -> decryptor.verifyProvenance(
                        RECORD_ID,
                        domain,
                        ownerId,
                        AUTHOR_ID,
                        record.innerCiphertext(),
                        record.shares(),
                        record.authorSignature(),
                        AUTHOR.publicKey()))
                .isInstanceOf(RecordCryptoException.class)
                .hasMessage("provenance signature invalid");
    }

    private void assertInvalid(byte[] c1, List<KeyShare> shares, byte[] signature, byte[] publicKey) {
        assertThatThrownBy(() -> decryptor.verifyProvenance(
                        RECORD_ID, DOMAIN, OWNER_ID, AUTHOR_ID, c1, shares, signature, publicKey))
                .isInstanceOf(RecordCryptoException.class)
                .hasMessage("provenance signature invalid");
    }
}
