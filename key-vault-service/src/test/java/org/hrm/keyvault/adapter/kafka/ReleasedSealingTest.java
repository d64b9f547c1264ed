package org.hrm.keyvault.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.hrm.contracts.Domain;
import org.hrm.contracts.events.AccessBasis;
import org.hrm.contracts.events.AccessDecided;
import org.hrm.contracts.events.KeyShare;
import org.hrm.contracts.events.RecordReleased;
import org.hrm.keyvault.TestConsent;
import org.hrm.keyvault.TestRequester;
import org.hrm.keyvault.domain.ReleaseDecision;
import org.junit.jupiter.api.Test;

class ReleasedSealingTest {
    private static final byte[] C1 = {2, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20};
    private final TestConsent consent = TestConsent.generate();
    private final AccessDecided decided =
            consent.allow(Domain.PATIENT, UUID.randomUUID().toString(), AccessBasis.GRANT, "dr-chen", null);
    private final ReleaseDecision decision = TestConsent.asReleaseDecision(decided);

    @Test
    void onlyTheRequesterOpensTheReleasedCiphertext() {
        byte[] sealed = ReleasedSealing.seal(C1, decision);

        assertThat(sealed).hasSize(RecordReleased.ENC_BYTES + C1.length + 16);
        assertThat(TestConsent.REQUESTER.open(released(sealed, decision.requestId(), "dr-chen")))
                .isEqualTo(C1);
        assertThatThrownBy(() -> TestRequester.generate().open(released(sealed, decision.requestId(), "dr-chen")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSealedCiphertextDoesNotOpenAsTheAnswerToAnotherRequestOrRequester() {
        byte[] sealed = ReleasedSealing.seal(C1, decision);

        assertThatThrownBy(() -> TestConsent.REQUESTER.open(
                        released(sealed, UUID.randomUUID().toString(), "dr-chen")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> TestConsent.REQUESTER.open(released(sealed, decision.requestId(), "dr-lee")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesARequesterKeyThatIsNotAPoint() {
        byte[] notAPoint = TestConsent.REQUESTER.publicKey();
        notAPoint[64] ^= 1;

        assertThat(ReleasedSealing.sealable(notAPoint)).isFalse();
        assertThat(ReleasedSealing.sealable(TestConsent.REQUESTER.publicKey())).isTrue();
    }

    private RecordReleased released(byte[] sealed, String requestId, String requesterId) {
        return new RecordReleased(
                requestId,
                decision.recordId(),
                Domain.PATIENT,
                requesterId,
                sealed,
                new KeyShare("dr-chen", new byte[] {1}),
                Instant.now());
    }
}
