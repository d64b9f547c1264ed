package org.hrm.consent;

import java.util.stream.Stream;
import org.hrm.testsupport.architecture.ServiceArchitecture;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The shared service rules (ServiceArchitecture) applied to this service. */
class ConsentArchitectureTest {

    @TestFactory
    Stream<DynamicTest> followsTheServiceArchitecture() {
        return ServiceArchitecture.of("org.hrm.consent")
                // A ratchet: strike a class once it reads domain types mapped in an adapter; never add one. Both apply
                // the shared directory rules (org.hrm.contracts.authority) to the signed events and keep the party's
                // signed history as the directory topic publishes it.
                .contractEventsStillUsedOutsideAdaptersBy(
                        "org.hrm.consent.application.PartyRegistration", "org.hrm.consent.application.PartyStore")
                .tests();
    }
}
