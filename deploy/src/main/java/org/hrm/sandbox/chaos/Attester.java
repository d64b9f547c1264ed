package org.hrm.sandbox.chaos;

import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.contracts.events.Attestation;
import org.hrm.contracts.events.PartyKind;
import org.hrm.contracts.events.PartyRegistered;
import org.hrm.crypto.P256KeyPair;

/**
 * The gateway's part in the chaos run's valid registrations: an attestation key that consent-service is configured
 * to trust under {@code keyId}. The run's own parties register with it, as they would through the gateway; the
 * forger of the forgery phase never holds it.
 */
record Attester(String keyId, P256KeyPair key) {
    /** A fresh attestation key under {@code keyId}. */
    static Attester generate(String keyId) {
        return new Attester(keyId, P256KeyPair.generate());
    }

    /** The property that makes consent-service trust this key. */
    Map<String, Object> consentProperties() {
        return Map.of(
                "hrm.consent.attestation-keys." + keyId, Base64.getEncoder().encodeToString(key.publicKey()));
    }

    /**
     * A valid v2 registration of {@code party}: proven by its key and attested for it; a practitioner's also vouched
     * for by {@code institution}.
     */
    PartyRegistered registration(PartyKeys party, PartyKind kind, PartyKeys institution) {
        PartyRegistered proven = new PartyRegistered(
                        party.partyId(),
                        kind,
                        party.publicKey(),
                        institution == null ? null : institution.partyId(),
                        Instant.now(),
                        null,
                        null,
                        null)
                .provenBy(party.keyPair());
        PartyRegistered attested = proven.withAttestation(Attestation.issue(
                key, keyId, party.partyId(), Attestation.REGISTER, proven.signedBytes(), proven.registeredAt()));
        return institution == null ? attested : attested.vouchedBy(institution.keyPair());
    }
}
