package org.hrm.keyvault;

import org.hrm.contracts.events.RecordReleased;
import org.hrm.crypto.Hpke;
import org.hrm.crypto.HpkeOpenException;
import org.hrm.crypto.P256KeyPair;

/** A requester's P-256 key pair that opens a released C1 the vault sealed to it, as the requester's client does. */
public final class TestRequester {
    private final P256KeyPair pair;

    private TestRequester(P256KeyPair pair) {
        this.pair = pair;
    }

    public static TestRequester generate() {
        return new TestRequester(P256KeyPair.generate());
    }

    public byte[] publicKey() {
        return pair.publicKey();
    }

    /** C1 of a release sealed to this key for its own request, requester and record. */
    public byte[] open(RecordReleased released) {
        try {
            return Hpke.open(
                    pair,
                    RecordReleased.sealInfo(released.requestId()),
                    RecordReleased.sealAad(released.requesterId(), released.recordId()),
                    released.sealedInnerCiphertext());
        } catch (HpkeOpenException e) {
            throw new IllegalStateException("released C1 does not open for this requester", e);
        }
    }
}
