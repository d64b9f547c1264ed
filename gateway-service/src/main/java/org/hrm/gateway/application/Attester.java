package org.hrm.gateway.application;

import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.hrm.contracts.events.AccessRequested;
import org.hrm.contracts.events.Attestation;
import org.hrm.contracts.events.AuditEvent;
import org.hrm.contracts.events.ErasureRequested;
import org.hrm.contracts.events.PartyKeyRotated;
import org.hrm.contracts.events.PartyRegistered;
import org.hrm.crypto.P256KeyPair;
import org.hrm.gateway.domain.AccessRefused;
import org.hrm.gateway.domain.Caller;

/**
 * The gateway's identity attestations: it signs "a caller whose token names party X asked for this exact statement"
 * only when the authenticated caller is X, and only over the statement's signed bytes. Consumers trust the public
 * half published under {@link #keyId()} ({@code GET /api/attestation-keys}).
 *
 * <p>Why the gateway checks the registrant's proof of possession before attesting: an attestation over a key the
 * caller does not hold would let a caller register someone else's public key as its own (an unknown-key-share), so
 * the gateway vouches only for a statement the key itself signed.
 */
public final class Attester {
    private final P256KeyPair key;
    private final String keyId;
    private final Clock clock;

    public Attester(P256KeyPair key, String keyId, Clock clock) {
        this.key = key;
        this.keyId = keyId;
        this.clock = clock;
    }

    public String keyId() {
        return keyId;
    }

    /** The public key consumers trust, by key id, base64 of the 65-byte SEC1 point. */
    public Map<String, String> publishedKeys() {
        return Map.of(keyId, Base64.getEncoder().encodeToString(key.publicKey()));
    }

    public byte[] publicKey() {
        return key.publicKey();
    }

    /** The gateway's own audit event, signed (over its signed bytes, a label no attestation shares). */
    public AuditEvent signAudit(AuditEvent event) {
        return event.signedBy(key);
    }

    /** The registration attested for its caller; refused unless the caller is the party and the key signed it. */
    public PartyRegistered register(Caller caller, PartyRegistered registration) {
        requireSubject(caller, registration.partyId());
        if (!registration.possessionProven()) {
            throw new AccessRefused("the registration carries no valid proof of possession of its key");
        }
        return registration.withAttestation(attest(caller, Attestation.REGISTER, registration.signedBytes()));
    }

    /** A key rotation attested for its caller (a lost key); the new key must have signed it. */
    public PartyKeyRotated rotate(Caller caller, PartyKeyRotated rotation) {
        requireSubject(caller, rotation.partyId());
        if (!rotation.possessionProven()) {
            throw new AccessRefused("the rotation carries no valid proof of possession of the new key");
        }
        return rotation.withAttestation(attest(caller, Attestation.ROTATE_KEY, rotation.signedBytes()));
    }

    /** An access request made through the gateway by its caller. */
    public AccessRequested access(Caller caller, AccessRequested request) {
        requireSubject(caller, request.requesterId());
        return request.withAttestation(attest(caller, Attestation.ACCESS, request.signedBytes()));
    }

    /** An erasure request by an identity-verified owner who has no key. */
    public ErasureRequested erasure(Caller caller, ErasureRequested request) {
        requireSubject(caller, request.ownerId());
        return request.withAttestation(attest(caller, Attestation.ERASURE, request.signedBytes()));
    }

    private Attestation attest(Caller caller, String purpose, byte[] statementBytes) {
        return Attestation.issue(key, keyId, caller.partyId(), purpose, statementBytes, clock.instant());
    }

    private static void requireSubject(Caller caller, String partyId) {
        if (!caller.isParty(partyId)) {
            throw new AccessRefused("the gateway attests only its caller's own statements: the token names "
                    + caller.partyId() + ", not " + partyId);
        }
    }
}
