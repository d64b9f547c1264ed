package org.hrm.gateway.adapter.web;

import org.hrm.contracts.events.Attestation;
import org.hrm.contracts.events.ErasureRequested;
import org.hrm.contracts.events.PartyKeyRotated;
import org.hrm.contracts.events.PartyRegistered;
import org.hrm.gateway.application.Attester;
import org.hrm.gateway.domain.AccessRefused;
import org.hrm.gateway.domain.Caller;

/**
 * The statements the web has the gateway attest for their caller, each over its own signed bytes: a registration or
 * a lost-key rotation only when the (new) key signed it, so the gateway vouches only for a key the caller holds.
 */
public final class StatementAttestations {
    private StatementAttestations() {}

    /** The registration attested for its caller; refused unless the caller is the party and the key signed it. */
    public static PartyRegistered register(Attester attester, Caller caller, PartyRegistered registration) {
        Attestation attestation = attester.attest(
                caller, registration.partyId(), Attestation.REGISTER, registration.signedBytes(), Attestation::issue);
        if (!registration.possessionProven()) {
            throw new AccessRefused("the registration carries no valid proof of possession of its key");
        }
        return registration.withAttestation(attestation);
    }

    /** A key rotation attested for its caller (a lost key); the new key must have signed it. */
    public static PartyKeyRotated rotate(Attester attester, Caller caller, PartyKeyRotated rotation) {
        Attestation attestation = attester.attest(
                caller, rotation.partyId(), Attestation.ROTATE_KEY, rotation.signedBytes(), Attestation::issue);
        if (!rotation.possessionProven()) {
            throw new AccessRefused("the rotation carries no valid proof of possession of the new key");
        }
        return rotation.withAttestation(attestation);
    }

    /** An erasure request by an identity-verified owner who has no key. */
    public static ErasureRequested erasure(Attester attester, Caller caller, ErasureRequested request) {
        return request.withAttestation(attester.attest(
                caller, request.ownerId(), Attestation.ERASURE, request.signedBytes(), Attestation::issue));
    }
}
