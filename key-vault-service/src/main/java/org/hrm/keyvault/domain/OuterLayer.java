package org.hrm.keyvault.domain;

import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;

/**
 * The vault's layer over the client's C1: {@code C2 = AES-256-GCM(K2, C1, aad = recordId || 0x00 || domain)}.
 *
 * <p>C2 is nonce(12) || ciphertext || tag(16). The AAD ties C2 to its record and domain, so a C2 copied under
 * another record id or into the other domain does not open.
 */
public final class OuterLayer {
    private static final byte[] K2_INFO = Bytes.utf8("hrm/k2/v1");

    private final SecureRandom random;

    public OuterLayer(SecureRandom random) {
        this.random = random;
    }

    /** A fresh K2 for one record: HKDF-SHA256 over 32 random bytes, info "hrm/k2/v1" || recordId. */
    public byte[] newRecordKey(String recordId) {
        byte[] seed = new byte[Aes256Gcm.KEY_BYTES];
        random.nextBytes(seed);
        try {
            return Hkdf.deriveKey(seed, concat(K2_INFO, Bytes.utf8(recordId)));
        } finally {
            Bytes.zero(seed);
        }
    }

    public byte[] seal(byte[] k2, String recordId, RecordDomain domain, byte[] c1) {
        return Aes256Gcm.encrypt(k2, c1, aad(recordId, domain), random);
    }

    /** Returns C1, or throws {@link CiphertextRejectedException} if C2 was altered or belongs elsewhere. */
    public byte[] open(byte[] k2, String recordId, RecordDomain domain, byte[] c2) {
        return Aes256Gcm.decrypt(
                k2,
                c2,
                aad(recordId, domain),
                "outer layer of record " + recordId + " in domain " + domain.name()
                        + " does not authenticate: C2 was altered, or belongs to another record or domain");
    }

    static byte[] aad(String recordId, RecordDomain domain) {
        ByteArrayOutputStream aad = new ByteArrayOutputStream();
        aad.writeBytes(Bytes.utf8(recordId));
        aad.write(0);
        aad.writeBytes(Bytes.utf8(domain.name()));
        return aad.toByteArray();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] out = new byte[first.length + second.length];
        System.arraycopy(first, 0, out, 0, first.length);
        System.arraycopy(second, 0, out, first.length, second.length);
        return out;
    }
}
