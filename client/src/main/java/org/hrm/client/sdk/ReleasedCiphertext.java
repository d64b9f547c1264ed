package org.hrm.client.sdk;

import java.util.Arrays;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.hrm.contracts.events.RecordReleased;

/**
 * Opens the C1 of a {@link RecordReleased} (v2), which the vault sealed to the requester: HPKE base mode to the
 * requester's key, {@code info = "hrm/released/v2" || requestId}, {@code aad = requesterId || 0x00 || recordId}
 * (docs/wire-format.md, "Released C1"). Any failure is the same {@link RecordCryptoException}.
 */
final class ReleasedCiphertext {
    private ReleasedCiphertext() {}

    static byte[] open(RecordReleased released, PartyKeys requester) {
        if (!released.requesterId().equals(requester.partyId())) {
            throw new RecordCryptoException(RecordCryptoException.RELEASE_FOR_OTHER_REQUESTER);
        }
        byte[] sealed = released.sealedInnerCiphertext();
        HPKE hpke = KeyShares.hpke();
        byte[] privateKey = requester.privateKey();
        try {
            AsymmetricCipherKeyPair keyPair = hpke.deserializePrivateKey(privateKey, requester.publicKey());
            return hpke.open(
                    Arrays.copyOf(sealed, RecordReleased.ENC_BYTES),
                    keyPair,
                    RecordReleased.sealInfo(released.requestId()),
                    RecordReleased.sealAad(released.requesterId(), released.recordId()),
                    Arrays.copyOfRange(sealed, RecordReleased.ENC_BYTES, sealed.length),
                    null,
                    null,
                    null);
        } catch (InvalidCipherTextException | RuntimeException e) {
            throw new RecordCryptoException(RecordCryptoException.RELEASE_DOES_NOT_OPEN);
        } finally {
            Arrays.fill(privateKey, (byte) 0);
        }
    }
}
