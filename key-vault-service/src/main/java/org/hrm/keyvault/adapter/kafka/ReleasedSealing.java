package org.hrm.keyvault.adapter.kafka;

import java.security.SecureRandom;
import org.hrm.contracts.events.RecordReleased;
import org.hrm.crypto.Hpke;
import org.hrm.crypto.P256;
import org.hrm.keyvault.domain.ReleaseDecision;

/**
 * Seals a released C1 to the requester (docs/wire-format.md, "Released C1"): HPKE (RFC 9180) base mode,
 * DHKEM(P-256, HKDF-SHA256), HKDF-SHA256, AES-256-GCM to the requester's registered key that consent-service signed
 * into the decision, bound to the request ({@link RecordReleased#sealInfo}) and to requester and record ({@link
 * RecordReleased#sealAad}). Output {@code enc (65) || ciphertext || tag (16)}.
 *
 * <p>Why: C1 with a reader's share is the record; a copy of the release on the topic, a dead letter or a log must not
 * be that. Sealing to the requester leaves nobody else anything to try.
 */
final class ReleasedSealing {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ReleasedSealing() {}

    /** Whether an allowed decision's requester key is a P-256 point the release can be sealed to. */
    static boolean sealable(byte[] requesterPublicKey) {
        return P256.isPublicKey(requesterPublicKey);
    }

    static byte[] seal(byte[] innerCiphertext, ReleaseDecision decision) {
        return Hpke.seal(
                decision.requesterPublicKey(),
                RecordReleased.sealInfo(decision.requestId()),
                RecordReleased.sealAad(decision.requesterId(), decision.recordId()),
                innerCiphertext,
                RANDOM);
    }
}
