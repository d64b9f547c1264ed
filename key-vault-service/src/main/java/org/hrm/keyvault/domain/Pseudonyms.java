package org.hrm.keyvault.domain;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudonyms for the chain: {@code HMAC-SHA256(pseudonym key, domain || 0x00 || partyId)}, 32 bytes.
 *
 * <p>Stable (the same party always gets the same pseudonym in a domain, so the chain can index by it) and
 * unlinkable across domains and without the key.
 */
public final class Pseudonyms {
    private static final String HMAC = "HmacSHA256";

    private final MasterKeyRing ring;

    public Pseudonyms(MasterKeyRing ring) {
        this.ring = ring;
    }

    public byte[] of(RecordDomain domain, String partyId) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(ring.pseudonymKey(), HMAC));
            mac.update(Bytes.utf8(domain.name()));
            mac.update((byte) 0);
            return mac.doFinal(Bytes.utf8(partyId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
