package org.hrm.client.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hrm.contracts.Domain;
import org.hrm.contracts.authority.DirectoryEntry;
import org.hrm.contracts.authority.ProvenanceKeyRule;
import org.hrm.contracts.authority.RetiredKey;
import org.hrm.contracts.events.KeyShare;
import org.hrm.contracts.events.PartyKind;
import org.hrm.contracts.events.RecordReleased;
import org.hrm.contracts.events.RecordSubmitted;
import org.hrm.crypto.Hpke;
import org.junit.jupiter.api.Test;

/** A record written before its author rotated keys still opens as verified; a key reported lost is judged by time. */
class RotatedAuthorTest {
    private static final String HOSPITAL = "hospital-st-mary";
    private static final String ALICE = "patient-alice";
    private static final Instant WRITTEN = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant SEALED = WRITTEN.plusSeconds(1);
    private static final Instant ROTATED = WRITTEN.plusSeconds(3_600);
    private static final byte[] TEXT = "blood pressure 120/80".getBytes(StandardCharsets.UTF_8);

    private final PartyKeys hospitalBefore = PartyKeys.generate(HOSPITAL);
    private final PartyKeys hospitalAfter = PartyKeys.generate(HOSPITAL);
    private final PartyKeys alice = PartyKeys.generate(ALICE);
    private final RecordDecryptor decryptor = new RecordDecryptor();
    private final RecordSubmitted submission = new RecordEncryptor()
            .encrypt(
                    UUID.randomUUID().toString(),
                    Domain.PATIENT,
                    ALICE,
                    hospitalBefore,
                    TEXT,
                    Map.of(ALICE, alice.publicKey()))
            .toSubmitted(WRITTEN);
    private final RecordReleased released = releasedTo(alice, submission);

    @Test
    void aRecordSignedBeforeARoutineRotationStillOpensAsVerified() {
        DirectoryEntry rotated = hospitalAfter(RetiredKey.Ending.ROTATED);

        byte[] plaintext = decryptor.open(released, submission, alice, alice, rotated, Optional::empty);

        assertThat(plaintext).isEqualTo(TEXT);
        assertThatThrownBy(() -> decryptor.open(released, submission, alice, alice, hospitalAfter.publicKey()))
                .as("the current key alone does not verify the older record")
                .isInstanceOf(UnverifiedRecordException.class);
    }

    @Test
    void aRecordSignedWithAKeyReportedLostOpensOnlyIfSealedBeforeTheReport() {
        DirectoryEntry lost = hospitalAfter(RetiredKey.Ending.REPORTED_LOST);

        assertThat(decryptor.open(released, submission, alice, alice, lost, () -> Optional.of(SEALED)))
                .isEqualTo(TEXT);
        assertThatThrownBy(() -> decryptor.open(
                        released, submission, alice, alice, lost, () -> Optional.of(ROTATED.plusSeconds(1))))
                .isInstanceOf(UnverifiedRecordException.class)
                .hasMessageStartingWith(ProvenanceKeyRule.LOST_KEY);
        assertThatThrownBy(() -> decryptor.open(released, submission, alice, alice, lost, Optional::empty))
                .isInstanceOf(UnverifiedRecordException.class)
                .hasMessageStartingWith(ProvenanceKeyRule.LOST_KEY);
    }

    @Test
    void aRecordSignedWithAKeyTheAuthorNeverHeldIsUnverified() {
        DirectoryEntry someoneElse = new DirectoryEntry(
                HOSPITAL, PartyKind.SYSTEM, null, hospitalAfter.publicKey(), ROTATED, true, List.of());

        assertThatThrownBy(() -> decryptor.open(released, submission, alice, alice, someoneElse, Optional::empty))
                .isInstanceOf(UnverifiedRecordException.class)
                .hasMessageContaining("does not verify under any key");
        assertThatThrownBy(() -> decryptor.open(released, submission, alice, alice, null, Optional::empty))
                .isInstanceOf(UnverifiedRecordException.class)
                .hasMessageContaining("not in the party directory");
    }

    private DirectoryEntry hospitalAfter(RetiredKey.Ending ended) {
        return new DirectoryEntry(
                HOSPITAL,
                PartyKind.SYSTEM,
                null,
                hospitalAfter.publicKey(),
                ROTATED,
                true,
                List.of(new RetiredKey(hospitalBefore.publicKey(), ROTATED, ended)));
    }

    /** What the vault answers Alice: C1 sealed to her key for this request, and her share. */
    private static RecordReleased releasedTo(PartyKeys reader, RecordSubmitted record) {
        String requestId = UUID.randomUUID().toString();
        byte[] sealed = Hpke.seal(
                reader.publicKey(),
                RecordReleased.sealInfo(requestId),
                RecordReleased.sealAad(reader.partyId(), record.recordId()),
                record.innerCiphertext(),
                new SecureRandom());
        KeyShare share = record.shares().stream()
                .filter(candidate -> candidate.readerId().equals(reader.partyId()))
                .findFirst()
                .orElseThrow();
        return new RecordReleased(
                requestId, record.recordId(), record.domain(), reader.partyId(), sealed, share, SEALED);
    }
}
