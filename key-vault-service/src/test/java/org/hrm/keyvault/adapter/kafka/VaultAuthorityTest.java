package org.hrm.keyvault.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hrm.contracts.Domain;
import org.hrm.contracts.events.ErasureRequested;
import org.hrm.crypto.P256KeyPair;
import org.hrm.keyvault.TestAuthorities;
import org.hrm.keyvault.application.Submissions;
import org.hrm.keyvault.domain.ReaderShare;
import org.hrm.keyvault.domain.RecordDomain;
import org.hrm.keyvault.domain.Submission;
import org.junit.jupiter.api.Test;

class VaultAuthorityTest {
    private static final String AUTHOR = "hospital-" + UUID.randomUUID();
    private static final String OWNER = "patient-" + UUID.randomUUID();

    private final VaultAuthority authority = TestAuthorities.withRegistered(AUTHOR, OWNER);

    @Test
    void letsARecordThroughWhenItsRegisteredAuthorSignedIt() {
        assertThat(authority.submissionRefusal(signed(TestAuthorities.key(AUTHOR), AUTHOR, OWNER), Instant.now()))
                .isEmpty();
    }

    @Test
    void refusesARecordClaimingARegisteredAuthorButSignedByAnotherKey() {
        Submission forged = signed(P256KeyPair.generate(), AUTHOR, OWNER);

        assertThat(authority.submissionRefusal(forged, Instant.now()))
                .hasValue("record " + forged.recordId() + " is not signed by author " + AUTHOR + "'s current key");
    }

    @Test
    void refusesARecordOfAnUnregisteredAuthorOrOwner() {
        Submission unknownAuthor = signed(P256KeyPair.generate(), "stranger", OWNER);
        Submission unknownOwner = signed(TestAuthorities.key(AUTHOR), AUTHOR, "nobody");

        assertThat(authority.submissionRefusal(unknownAuthor, Instant.now()))
                .hasValue("record " + unknownAuthor.recordId() + ": author stranger is not registered");
        assertThat(authority.submissionRefusal(unknownOwner, Instant.now()))
                .hasValue("record " + unknownOwner.recordId() + ": owner nobody is not registered");
    }

    @Test
    void obeysTheOwnersSignedErasureRequestMadeWithinTheWindow() {
        assertThat(authority.erasureRefusal(erasure(Instant.now().minus(Duration.ofHours(23)))))
                .isEmpty();
    }

    @Test
    void refusesAnOwnersSignedErasureRequestHeldBackLongerThanTheWindow() {
        ErasureRequested withheld = erasure(Instant.now().minus(Duration.ofHours(25)));

        assertThat(authority.erasureRefusal(withheld))
                .hasValueSatisfying(reason -> assertThat(reason)
                        .startsWith("erasure request " + withheld.requestId() + " was made at")
                        .contains("the owner can ask again"));
    }

    @Test
    void refusesAnErasureRequestDatedAheadOfTheVaultsClock() {
        assertThat(authority.erasureRefusal(erasure(Instant.now().plus(Duration.ofMinutes(10)))))
                .hasValueSatisfying(reason -> assertThat(reason).contains("ahead of the vault's clock"));
        assertThat(authority.erasureRefusal(erasure(Instant.now().plus(Duration.ofMinutes(1)))))
                .isEmpty();
    }

    @Test
    void anOldRequestNotSignedByTheOwnerIsRefusedForItsSignatureFirst() {
        ErasureRequested forged = new ErasureRequested(
                        UUID.randomUUID().toString(),
                        Domain.PATIENT,
                        OWNER,
                        null,
                        Instant.now().minus(Duration.ofDays(30)))
                .signedBy(P256KeyPair.generate());

        assertThat(authority.erasureRefusal(forged))
                .hasValueSatisfying(reason -> assertThat(reason).contains("is signed by neither owner"));
    }

    private static ErasureRequested erasure(Instant requestedAt) {
        return new ErasureRequested(UUID.randomUUID().toString(), Domain.PATIENT, OWNER, null, requestedAt)
                .signedBy(TestAuthorities.key(OWNER));
    }

    /** A v2 submission (C1 starts with 0x02) whose provenance {@code key} signed. */
    private static Submission signed(P256KeyPair key, String authorId, String ownerId) {
        byte[] c1 = Submissions.random(80);
        c1[0] = 0x02;
        Submission unsigned = new Submission(
                UUID.randomUUID().toString(),
                RecordDomain.PATIENT,
                ownerId,
                authorId,
                c1,
                List.of(new ReaderShare(ownerId, Submissions.random(145))),
                new byte[64]);
        return new Submission(
                unsigned.recordId(),
                unsigned.domain(),
                ownerId,
                authorId,
                c1,
                unsigned.shares(),
                key.sign(VaultAuthority.provenanceBytes(unsigned)));
    }
}
