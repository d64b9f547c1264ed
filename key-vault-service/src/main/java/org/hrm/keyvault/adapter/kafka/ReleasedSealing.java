package org.hrm.keyvault.adapter.kafka;

import java.util.Arrays;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContextWithEncapsulation;
import org.hrm.contracts.events.RecordReleased;
import org.hrm.keyvault.domain.ReleaseDecision;

/**
 * Seals a released C1 to the requester (docs/wire-format.md, "Released C1"): HPKE (RFC 9180) base mode,
 * DHKEM(P-256, HKDF-SHA256), HKDF-SHA256, AES-256-GCM to the requester's registered key that consent-service signed
 * into the decision, bound to the request ({@link RecordReleased#sealInfo}) and to requester and record ({@link
 * RecordReleased#sealAad}). Output {@code enc (65) || ciphertext || tag (16)}.
 *
 * <p>Why: C1 with a reader's share is the record; a copy of the release on the topic, a dead letter or a log must not
 * be that. Sealing to the requester leaves nobody else anything to try. A new {@link HPKE} per call: its KEM keeps
 * per-operation state and is not safe to share between threads; the ephemeral key comes from the JDK's strong random.
 */
final class ReleasedSealing {
    private ReleasedSealing() {}

    /** Whether an allowed decision's requester key is a P-256 point the release can be sealed to. */
    static boolean sealable(byte[] requesterPublicKey) {
        try {
            hpke().deserializePublicKey(requesterPublicKey);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static byte[] seal(byte[] innerCiphertext, ReleaseDecision decision) {
        HPKE hpke = hpke();
        try {
            HPKEContextWithEncapsulation context = hpke.setupBaseS(
                    hpke.deserializePublicKey(decision.requesterPublicKey()),
                    RecordReleased.sealInfo(decision.requestId()));
            byte[] ct =
                    context.seal(RecordReleased.sealAad(decision.requesterId(), decision.recordId()), innerCiphertext);
            byte[] enc = context.getEncapsulation();
            byte[] sealed = Arrays.copyOf(enc, enc.length + ct.length);
            System.arraycopy(ct, 0, sealed, enc.length, ct.length);
            return sealed;
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("HPKE seal failed", e);
        }
    }

    private static HPKE hpke() {
        return new HPKE(HPKE.mode_base, HPKE.kem_P256_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
    }
}
