package org.hrm.keyvault;

import java.util.stream.Stream;
import org.hrm.testsupport.architecture.ServiceArchitecture;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The shared service rules (ServiceArchitecture) applied to this service. */
class KeyVaultArchitectureTest {

    @TestFactory
    Stream<DynamicTest> followsTheServiceArchitecture() {
        return ServiceArchitecture.of("org.hrm.keyvault")
                // A ratchet: strike a class once it reads domain types mapped in an adapter; never add one. These issue
                // the signed erasure receipt, whose signature covers the contract's bytes.
                .contractEventsStillUsedOutsideAdaptersBy(
                        "org.hrm.keyvault.application.ErasureReceipts", "org.hrm.keyvault.application.ReceiptOutcome")
                .tests();
    }
}
