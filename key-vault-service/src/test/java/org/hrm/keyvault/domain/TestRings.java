package org.hrm.keyvault.domain;

import org.hrm.keyvault.application.TestCustody;

/** Fresh master key rings for tests. */
final class TestRings {
    private TestRings() {}

    static MasterKeyRing fresh() {
        return MasterKeyRing.parse(MasterKeyRing.generateKeyFileContent());
    }

    static MasterKeyCustody custody(MasterKeyRing ring) {
        return TestCustody.of(ring);
    }
}
