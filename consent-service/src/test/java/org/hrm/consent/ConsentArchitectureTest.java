package org.hrm.consent;

import java.util.stream.Stream;
import org.hrm.testsupport.architecture.ServiceArchitecture;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The shared service rules (ServiceArchitecture) applied to this service. */
class ConsentArchitectureTest {

    @TestFactory
    Stream<DynamicTest> followsTheServiceArchitecture() {
        return ServiceArchitecture.of("org.hrm.consent").tests();
    }
}
