package org.hrm.client.sdk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hrm.client.sdk.TestParties.AUTHOR;
import static org.hrm.client.sdk.TestParties.AUTHOR_ID;
import static org.hrm.client.sdk.TestParties.DOMAIN;
import static org.hrm.client.sdk.TestParties.GRANTEE;
import static org.hrm.client.sdk.TestParties.OWNER;
import static org.hrm.client.sdk.TestParties.OWNER_ID;
import static org.hrm.client.sdk.TestParties.RECORD_ID;
import static org.hrm.client.sdk.TestParties.STRANGER;

import java.time.Instant;
import java.util.Map;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.events.KeyShare;
import org.hrm.contracts.events.RecordSubmitted;
import org.junit.jupiter.api.Test;

class RecordRoundTripTest {
    private static final byte[] PLAINTEXT = "{\"resourceType\":\"Observation\",\"status\":\"final\"}".getBytes(UTF_8);

    private final RecordEncryptor encryptor = new RecordEncryptor();
    private final RecordDecryptor decryptor = new RecordDecryptor();

    @Test
    void ownerAndAuthorBothDecrypt() {
        EncryptedRecord record = encrypt(TestParties.ownerOnly());

        byte[] byOwner = decrypt(record, record.shareOf(OWNER_ID), OWNER);
        byte[] byAuthor = decrypt(record, record.shareOf(AUTHOR_ID), AUTHOR);

        assertThat(byOwner).isEqualTo(PLAINTEXT);
        assertThat(byAuthor).isEqualTo(PLAINTEXT);
    }

    @Test
    void extraReaderDecryptsWithItsOwnShare() {
        EncryptedRecord record = encrypt(TestParties.ownerAndGrantee());

        byte[] plaintext = decrypt(record, record.shareOf(GRANTEE.partyId()), GRANTEE);

        assertThat(plaintext).isEqualTo(PLAINTEXT);
        assertThat(record.shares())
                .extracting(KeyShare::readerId)
                .containsExactly(OWNER_ID, AUTHOR_ID, GRANTEE.partyId());
    }

    @Test
    void thirdPartyHasNoShare() {
        EncryptedRecord record = encrypt(TestParties.ownerOnly());

        assertThatThrownBy(() -> record.shareOf(STRANGER.partyId()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no key share for reader stranger");
    }

    @Test
    void thirdPartyCannotUseSomeoneElsesShare() {
        EncryptedRecord record = encrypt(TestParties.ownerOnly());

        assertThatThrownBy(() -> decrypt(record, record.shareOf(OWNER_ID), STRANGER))
                .isInstanceOf(RecordCryptoException.class)
                .hasMessage("key share is addressed to another reader");
    }

    @Test
    void shareRelabelledForAnotherReaderDoesNotOpen() {
        EncryptedRecord record = encrypt(TestParties.ownerOnly());
        KeyShare relabelled =
                new KeyShare(STRANGER.partyId(), record.shareOf(OWNER_ID).share());

        assertThatThrownBy(() -> decrypt(record, relabelled, STRANGER))
                .isInstanceOf(RecordCryptoException.class)
                .hasMessage("key share does not open with this reader's key");
    }

    @Test
    void wrongReaderKeyIsAClearError() {
        EncryptedRecord record = encrypt(TestParties.ownerOnly());
        PartyKeys impostor = PartyKeys.generate(OWNER_ID);

        assertThatThrownBy(() -> decrypt(record, record.shareOf(OWNER_ID), impostor))
                .isInstanceOf(RecordCryptoException.class)
                .hasMessage("key share does not open with this reader's key");
    }

    @Test
    void authorWritingItsOwnRecordGetsOneShare() {
        EncryptedRecord record = encryptor.encrypt(
                RECORD_ID, DOMAIN, AUTHOR_ID, AUTHOR, PLAINTEXT, Map.of(AUTHOR_ID, AUTHOR.publicKey()));

        byte[] plaintext = decryptor.decrypt(
                RECORD_ID,
                DOMAIN,
                AUTHOR_ID,
                record.innerCiphertext(),
                record.shares().get(0),
                AUTHOR);

        assertThat(plaintext).isEqualTo(PLAINTEXT);
        assertThat(record.shares()).extracting(KeyShare::readerId).containsExactly(AUTHOR_ID);
    }

    @Test
    void emptyPlaintextRoundTrips() {
        EncryptedRecord record =
                encryptor.encrypt(RECORD_ID, DOMAIN, OWNER_ID, AUTHOR, new byte[0], TestParties.ownerOnly());

        byte[] plaintext = decrypt(record, record.shareOf(OWNER_ID), OWNER);

        assertThat(plaintext).isEmpty();
        assertThat(record.innerCiphertext())
                .hasSize(InnerEnvelope.headerBytes(InnerEnvelope.V2) + InnerEnvelope.TAG_BYTES);
    }

    @Test
    void submittedEventSurvivesTheCodecAndStillDecryptsAndVerifies() {
        EncryptedRecord record = encrypt(TestParties.ownerOnly());
        EventCodec codec = new EventCodec();

        RecordSubmitted event = codec.decode(
                codec.encode(record.toSubmitted(Instant.parse("2026-11-24T10:00:00Z"))), RecordSubmitted.class);

        assertThat(event.authorId()).isEqualTo(AUTHOR_ID);
        assertThat(decryptor.decrypt(
                        event.recordId(),
                        event.domain(),
                        event.ownerId(),
                        event.innerCiphertext(),
                        event.shares().get(0),
                        OWNER))
                .isEqualTo(PLAINTEXT);
        decryptor.verifyProvenance(event, AUTHOR.publicKey());
    }

    private EncryptedRecord encrypt(Map<String, byte[]> readers) {
        return encryptor.encrypt(RECORD_ID, DOMAIN, OWNER_ID, AUTHOR, PLAINTEXT, readers);
    }

    private byte[] decrypt(EncryptedRecord record, KeyShare share, PartyKeys reader) {
        return decryptor.decrypt(
                record.recordId(), record.domain(), record.ownerId(), record.innerCiphertext(), share, reader);
    }

    @Test
    void aReaderRecognisesItsOwnShareAmongTheRecordsShares() {
        EncryptedRecord record = new RecordEncryptor()
                .encrypt(
                        TestParties.RECORD_ID,
                        TestParties.DOMAIN,
                        TestParties.OWNER_ID,
                        TestParties.AUTHOR,
                        new byte[] {1, 2, 3},
                        TestParties.ownerOnly());
        RecordDecryptor decryptor = new RecordDecryptor();

        byte[] ownerShare = record.shareOf(TestParties.OWNER_ID).share();
        byte[] authorShare = record.shareOf(TestParties.AUTHOR_ID).share();

        assertThat(decryptor.opens(
                        TestParties.RECORD_ID, TestParties.DOMAIN, TestParties.OWNER_ID, ownerShare, TestParties.OWNER))
                .isTrue();
        assertThat(decryptor.opens(
                        TestParties.RECORD_ID,
                        TestParties.DOMAIN,
                        TestParties.OWNER_ID,
                        authorShare,
                        TestParties.OWNER))
                .isFalse();
    }
}
