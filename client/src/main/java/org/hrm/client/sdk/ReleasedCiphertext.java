package org.hrm.client.sdk;

import org.hrm.contracts.events.RecordReleased;
import org.hrm.crypto.HpkeOpenException;

/**
 * Opens the C1 of a {@link RecordReleased} (v2), which the vault sealed to the requester: HPKE base mode to the
 * requester's key, {@code info = "hrm/released/v2" || requestId}, {@code aad = requesterId || 0x00 || recordId}
 * (docs/wire-format.md, "Released C1"). Any failure of the seal is the same {@link RecordCryptoException}.
 */
final class ReleasedCiphertext {
    private ReleasedCiphertext() {}

    static byte[] open(RecordReleased released, PartyKeyHolder requester) {
        if (!released.requesterId().equals(requester.partyId())) {
            throw new RecordCryptoException(RecordCryptoException.RELEASE_FOR_OTHER_REQUESTER);
        }
        try {
            return requester.open(
                    RecordReleased.sealInfo(released.requestId()),
                    RecordReleased.sealAad(released.requesterId(), released.recordId()),
                    released.sealedInnerCiphertext());
        } catch (HpkeOpenException e) {
            throw new RecordCryptoException(RecordCryptoException.RELEASE_DOES_NOT_OPEN);
        }
    }
}
