package org.hrm.contracts.authority;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.hrm.contracts.events.PartyKind;
import org.hrm.crypto.P256KeyPair;
import org.junit.jupiter.api.Test;

class ProvenanceKeyRuleTest {
    private static final String AUTHOR = "hospital-st-mary";
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant ROTATED_AT = T0.plusSeconds(3_600);
    private static final Instant LOST_AT = T0.plusSeconds(7_200);
    private static final byte[] SIGNED = "hrm/provenance/v2 some record".getBytes();

    private final P256KeyPair first = P256KeyPair.generate();
    private final P256KeyPair second = P256KeyPair.generate();
    private final P256KeyPair current = P256KeyPair.generate();
    private final P256KeyPair squatter = P256KeyPair.generate();
    private final P256KeyPair stranger = P256KeyPair.generate();

    /** first rotated away by itself, then second reported lost; current is the key now. */
    private final DirectoryEntry author = authorWith(List.of(
            new RetiredKey(squatter.publicKey(), T0, RetiredKey.Ending.SUPERSEDED_UNATTESTED),
            new RetiredKey(first.publicKey(), ROTATED_AT, RetiredKey.Ending.ROTATED),
            new RetiredKey(second.publicKey(), LOST_AT, RetiredKey.Ending.REPORTED_LOST)));

    @Test
    void theCurrentKeyVerifiesWithoutAskingWhenTheRecordWasSealed() {
        AtomicInteger asked = new AtomicInteger();

        assertThat(refusal(current, () -> {
                    asked.incrementAndGet();
                    return Optional.empty();
                }))
                .isEmpty();
        assertThat(asked).hasValue(0);
    }

    @Test
    void aKeyTheAuthorRotatedAwayStillVerifiesItsRecords() {
        assertThat(refusal(first, Optional::empty)).isEmpty();
        assertThat(refusal(first, () -> Optional.of(ROTATED_AT.plusSeconds(1)))).isEmpty();
    }

    @Test
    void aKeyReportedLostVerifiesOnlyRecordsSealedBeforeTheReport() {
        assertThat(refusal(second, () -> Optional.of(LOST_AT.minusSeconds(1)))).isEmpty();
        assertThat(refusal(second, () -> Optional.of(LOST_AT)))
                .hasValueSatisfying(reason -> assertThat(reason)
                        .startsWith(ProvenanceKeyRule.LOST_KEY)
                        .contains("sealed after that"));
        assertThat(refusal(second, Optional::empty))
                .hasValueSatisfying(reason -> assertThat(reason)
                        .startsWith(ProvenanceKeyRule.LOST_KEY)
                        .contains("sealing time is not established"));
    }

    @Test
    void aKeyTheAuthorNeverHeldDoesNotVerify() {
        assertThat(refusal(stranger, () -> Optional.of(T0)))
                .contains("the author's signature does not verify under any key " + AUTHOR + " has held");
    }

    @Test
    void aSquattersKeyAnAttestedRegistrationReplacedNeverSpeaksForTheParty() {
        assertThat(refusal(squatter, () -> Optional.of(T0.minusSeconds(60))))
                .hasValueSatisfying(reason -> assertThat(reason).contains("never proven to be " + AUTHOR + "'s"));
    }

    @Test
    void anEarlierKeyWhoseEndWasNotRecordedIsRefused() {
        DirectoryEntry keysOnly = authorWith(List.of(RetiredKey.unrecorded(first.publicKey())));

        assertThat(ProvenanceKeyRule.refusal(AUTHOR, keysOnly, SIGNED, first.sign(SIGNED), Optional::empty))
                .hasValueSatisfying(reason -> assertThat(reason).contains("did not record"));
    }

    @Test
    void anAuthorOutsideTheDirectoryOrAnotherPartysEntryIsRefused() {
        assertThat(ProvenanceKeyRule.refusal(AUTHOR, null, SIGNED, current.sign(SIGNED), Optional::empty))
                .contains("the author " + AUTHOR + " is not in the party directory: provenance unverifiable");
        assertThat(ProvenanceKeyRule.verifies("someone-else", author, SIGNED, current.sign(SIGNED), Optional::empty))
                .isFalse();
    }

    @Test
    void aSignatureOverOtherBytesDoesNotVerifyUnderAnyKey() {
        byte[] other = "hrm/provenance/v2 another record".getBytes();

        assertThat(ProvenanceKeyRule.refusal(AUTHOR, author, SIGNED, current.sign(other), Optional::empty))
                .isPresent();
        assertThat(ProvenanceKeyRule.refusal(AUTHOR, author, SIGNED, null, Optional::empty))
                .isPresent();
    }

    private DirectoryEntry authorWith(List<RetiredKey> retiredKeys) {
        return new DirectoryEntry(AUTHOR, PartyKind.SYSTEM, null, current.publicKey(), LOST_AT, true, retiredKeys);
    }

    private Optional<String> refusal(P256KeyPair signer, Supplier<Optional<Instant>> sealedAt) {
        return ProvenanceKeyRule.refusal(AUTHOR, author, SIGNED, signer.sign(SIGNED), sealedAt);
    }
}
