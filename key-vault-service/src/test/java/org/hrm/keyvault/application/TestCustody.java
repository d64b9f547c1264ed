package org.hrm.keyvault.application;

import java.security.SecureRandom;
import org.hrm.keyvault.domain.MasterKeyCustody;
import org.hrm.keyvault.domain.MasterKeyRing;

/** Key-file custodies for tests, over a ring that no file backs. */
public final class TestCustody {
    private TestCustody() {}

    public static MasterKeyCustody fresh() {
        return of(MasterKeyRing.parse(MasterKeyRing.generateKeyFileContent()));
    }

    public static MasterKeyCustody of(MasterKeyRing ring) {
        return new KeyFileCustody(ring, new NoStorage(), new SecureRandom());
    }

    private static final class NoStorage implements MasterKeyStorage {
        @Override
        public MasterKeyRing read() {
            throw new UnsupportedOperationException("this test ring has no key file");
        }

        @Override
        public void removeVersion(int version) {}
    }
}
