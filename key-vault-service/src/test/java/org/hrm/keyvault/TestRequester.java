package org.hrm.keyvault;

import java.util.Arrays;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.hrm.contracts.events.RecordReleased;

/** A requester's P-256 key pair that opens a released C1 the vault sealed to it, as the requester's client does. */
public final class TestRequester {
    private final AsymmetricCipherKeyPair pair;

    private TestRequester(AsymmetricCipherKeyPair pair) {
        this.pair = pair;
    }

    public static TestRequester generate() {
        return new TestRequester(hpke().generatePrivateKey());
    }

    public byte[] publicKey() {
        return ((ECPublicKeyParameters) pair.getPublic()).getQ().getEncoded(false);
    }

    /** C1 of a release sealed to this key for its own request, requester and record. */
    public byte[] open(RecordReleased released) {
        byte[] sealed = released.sealedInnerCiphertext();
        byte[] enc = Arrays.copyOf(sealed, RecordReleased.ENC_BYTES);
        byte[] ct = Arrays.copyOfRange(sealed, RecordReleased.ENC_BYTES, sealed.length);
        try {
            return hpke().open(
                            enc,
                            pair,
                            RecordReleased.sealInfo(released.requestId()),
                            RecordReleased.sealAad(released.requesterId(), released.recordId()),
                            ct,
                            null,
                            null,
                            null);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("released C1 does not open for this requester", e);
        }
    }

    private static HPKE hpke() {
        return new HPKE(HPKE.mode_base, HPKE.kem_P256_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
    }
}
