package org.hrm.contracts.authority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hrm.contracts.AuthorityFixtures.attest;

import java.time.Instant;
import java.util.List;
import org.hrm.contracts.AuthorityFixtures;
import org.hrm.contracts.events.AccessRequested;
import org.hrm.contracts.events.Attestation;
import org.hrm.contracts.events.ErasureRequested;
import org.hrm.contracts.events.PartyKind;
import org.hrm.crypto.P256KeyPair;
import org.junit.jupiter.api.Test;

class RequestRulesTest {
    private final RequestRules rules = new RequestRules(AuthorityFixtures.trusted());
    private final DirectoryEntry alice = new DirectoryEntry(
            "patient-alice",
            PartyKind.PATIENT,
            null,
            AuthorityFixtures.ALICE.publicKey(),
            Instant.parse("2026-11-01T00:00:00Z"),
            true,
            List.of());

    @Test
    void theOwnersSignedErasureRequestIsAcceptedAndAnUnsignedOneRefused() {
        ErasureRequested signed = AuthorityFixtures.erasureRequested();
        ErasureRequested unsigned = unsigned(signed);

        assertThat(rules.erasureRefusal(signed, alice)).isEmpty();
        assertThat(rules.erasureRefusal(unsigned, alice).orElseThrow())
                .contains(
                        "signed by neither owner patient-alice's current key nor a valid attestation (no attestation)");
        assertThat(rules.erasureRefusal(signed, null)).isPresent();
    }

    @Test
    void anErasureSignedByAStrangerOrAnOldKeyIsRefused() {
        P256KeyPair stranger = P256KeyPair.generate();
        ErasureRequested forged = unsigned(AuthorityFixtures.erasureRequested()).signedBy(stranger);
        DirectoryEntry rotated = new DirectoryEntry(
                "patient-alice",
                PartyKind.PATIENT,
                null,
                P256KeyPair.generate().publicKey(),
                Instant.parse("2026-11-20T00:00:00Z"),
                true,
                List.of(new RetiredKey(
                        AuthorityFixtures.ALICE.publicKey(),
                        Instant.parse("2026-11-20T00:00:00Z"),
                        RetiredKey.Ending.ROTATED)));

        assertThat(rules.erasureRefusal(forged, alice)).isPresent();
        assertThat(rules.erasureRefusal(AuthorityFixtures.erasureRequested(), rotated))
                .isPresent();
    }

    @Test
    void anAttestedErasureIsAcceptedForAnOwnerWithoutAKey() {
        ErasureRequested request = unsigned(AuthorityFixtures.erasureRequested());
        ErasureRequested attested = request.withAttestation(
                attest("patient-alice", Attestation.ERASURE, request.signedBytes(), request.requestedAt()));
        ErasureRequested attestedForAccess = request.withAttestation(
                attest("patient-alice", Attestation.ACCESS, request.signedBytes(), request.requestedAt()));

        assertThat(rules.erasureRefusal(attested, null)).isEmpty();
        assertThat(rules.erasureRefusal(attestedForAccess, null)).isPresent();
    }

    @Test
    void accessRequestsBySignatureOrAttestation() {
        AccessRequested signed = AuthorityFixtures.accessRequested();
        DirectoryEntry chen = new DirectoryEntry(
                signed.requesterId(),
                PartyKind.PRACTITIONER,
                "hospital-st-mary",
                AuthorityFixtures.DR_CHEN.publicKey(),
                Instant.parse("2026-11-01T00:00:00Z"),
                true,
                List.of());
        AccessRequested unsigned = new AccessRequested(
                signed.requestId(),
                signed.recordId(),
                signed.domain(),
                signed.requesterId(),
                signed.purpose(),
                signed.emergencyReason(),
                signed.requestedAt(),
                null,
                null);
        AccessRequested attested = unsigned.withAttestation(
                attest(signed.requesterId(), Attestation.ACCESS, unsigned.signedBytes(), signed.requestedAt()));
        AccessRequested attestedForSomeoneElse = unsigned.withAttestation(
                attest("patient-alice", Attestation.ACCESS, unsigned.signedBytes(), signed.requestedAt()));

        assertThat(rules.accessRefusal(signed, chen)).isEmpty();
        assertThat(rules.accessRefusal(attested, null)).isEmpty();
        assertThat(rules.accessRefusal(unsigned, chen)).isPresent();
        assertThat(rules.accessRefusal(attestedForSomeoneElse, chen).orElseThrow())
                .contains("attestation is for");
        assertThat(rules.accessRefusal(signed, alice)).isPresent();
    }

    private static ErasureRequested unsigned(ErasureRequested request) {
        return new ErasureRequested(
                request.requestId(),
                request.domain(),
                request.ownerId(),
                request.recordId(),
                request.requestedAt(),
                null,
                null);
    }
}
