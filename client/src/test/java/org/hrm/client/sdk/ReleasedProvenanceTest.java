package org.hrm.client.sdk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hrm.client.sdk.TestParties.AUTHOR;
import static org.hrm.client.sdk.TestParties.DOMAIN;
import static org.hrm.client.sdk.TestParties.GRANTEE;
import static org.hrm.client.sdk.TestParties.OWNER_ID;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;
import org.hrm.contracts.events.RecordReleased;
import org.hrm.contracts.events.RecordSubmitted;
import org.hrm.crypto.Hpke;
import org.junit.jupiter.api.Test;

/**
 * The provenance a release carries (the vault's copy of what it sealed) is verified like any other: it opens the record
 * only if the author signed exactly the released C1, so a vault (or a forger on the topic) that swaps in another
 * record's provenance gets {@link UnverifiedRecordException}, never the content.
 */
class ReleasedProvenanceTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RecordEncryptor encryptor = new RecordEncryptor();
    private final RecordDecryptor decryptor = new RecordDecryptor();

    @Test
    void aReleaseOpensWithTheProvenanceItCarries() {
        EncryptedRecord record = encrypt("first record");
        RecordReleased released = releaseTo(record, record);

        byte[] c1 = decryptor.openReleased(released, GRANTEE);
        RecordSubmitted submission = released.submission(c1).orElseThrow();

        assertThat(decryptor.open(released, submission, GRANTEE, GRANTEE, AUTHOR.publicKey()))
                .isEqualTo("first record".getBytes(UTF_8));
        assertThat(submission.authorId()).isEqualTo(AUTHOR.partyId());
    }

    @Test
    void aReleaseCarryingAnotherRecordsProvenanceFailsVerification() {
        EncryptedRecord record = encrypt("the released record");
        EncryptedRecord other = encrypt("another record of the same owner and author");
        // Everything but the ids of the other record: its shares (the grantee's opens the same way) and signature.
        RecordReleased released = releaseTo(record, other);

        byte[] c1 = decryptor.openReleased(released, GRANTEE);
        RecordSubmitted swapped = released.submission(c1).orElseThrow();

        assertThatThrownBy(() -> decryptor.open(released, swapped, GRANTEE, GRANTEE, AUTHOR.publicKey()))
                .isInstanceOf(UnverifiedRecordException.class)
                .hasMessage("provenance signature invalid");
    }

    @Test
    void aReleaseWithoutProvenanceNamesNoSubmission() {
        EncryptedRecord record = encrypt("sealed before the vault kept provenance");
        RecordReleased released = releaseTo(record, null);

        assertThat(released.carriesProvenance()).isFalse();
        assertThat(released.submission(decryptor.openReleased(released, GRANTEE)))
                .isEmpty();
    }

    private EncryptedRecord encrypt(String text) {
        return encryptor.encrypt(
                UUID.randomUUID().toString(),
                DOMAIN,
                OWNER_ID,
                AUTHOR,
                text.getBytes(UTF_8),
                TestParties.ownerAndGrantee());
    }

    /** The vault's release of {@code record} to the grantee, with {@code provenance}'s fields (none if null). */
    private static RecordReleased releaseTo(EncryptedRecord record, EncryptedRecord provenance) {
        String requestId = UUID.randomUUID().toString();
        byte[] sealed = Hpke.seal(
                GRANTEE.publicKey(),
                RecordReleased.sealInfo(requestId),
                RecordReleased.sealAad(GRANTEE.partyId(), record.recordId()),
                record.innerCiphertext(),
                RANDOM);
        return new RecordReleased(
                requestId,
                record.recordId(),
                DOMAIN,
                GRANTEE.partyId(),
                sealed,
                record.shareOf(GRANTEE.partyId()),
                Instant.now(),
                provenance == null ? null : provenance.ownerId(),
                provenance == null ? null : provenance.authorId(),
                provenance == null ? null : provenance.shares(),
                provenance == null ? null : provenance.authorSignature(),
                null);
    }
}
