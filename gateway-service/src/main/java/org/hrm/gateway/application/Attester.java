package org.hrm.gateway.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.function.BiFunction;
import org.hrm.crypto.P256KeyPair;
import org.hrm.gateway.domain.AccessRefused;
import org.hrm.gateway.domain.Caller;

/**
 * The gateway's identity attestations: it signs "a caller whose token names party X asked for this exact statement"
 * only when the authenticated caller is X, and only over the statement's signed bytes. Consumers trust the public
 * half published under {@link #keyId()} ({@code GET /api/attestation-keys}).
 *
 * <p>The contract defines what an attestation and an audit event's signature cover, so the adapters that build the
 * events pass the contract's own issuing function; the key goes into that function and nowhere else. Why the web
 * checks a registrant's proof of possession before it has a registration attested: an attestation over a key the
 * caller does not hold would let a caller register someone else's public key as its own (an unknown-key-share).
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

    /** The gateway's own audit event, signed by {@code signing} (the contract's, over its signed bytes) with the key. */
    public <E> E signAudit(E event, BiFunction<E, P256KeyPair, E> signing) {
        return signing.apply(event, key);
    }

    /**
     * The attestation, issued by {@code format} (the contract's), that the caller asked for the statement whose
     * signed bytes are {@code statementBytes}, for {@code purpose}; refused unless the caller is {@code partyId}.
     */
    public <A> A attest(Caller caller, String partyId, String purpose, byte[] statementBytes, Format<A> format) {
        if (!caller.isParty(partyId)) {
            throw new AccessRefused("the gateway attests only its caller's own statements: the token names "
                    + caller.partyId() + ", not " + partyId);
        }
        return format.issue(key, keyId, caller.partyId(), purpose, statementBytes, clock.instant());
    }

    /** How the contract issues an attestation (its {@code Attestation.issue}). */
    @FunctionalInterface
    public interface Format<A> {
        A issue(
                P256KeyPair key,
                String keyId,
                String subjectId,
                String purpose,
                byte[] statementBytes,
                Instant issuedAt);
    }
}
