package org.hrm.keyvault.domain;

/** Fresh master key rings for tests. */
final class TestRings {
    private TestRings() {}

    static MasterKeyRing fresh() {
        return MasterKeyRing.parse(MasterKeyRing.generateKeyFileContent());
    }
}
