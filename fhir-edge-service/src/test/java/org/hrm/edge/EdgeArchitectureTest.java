package org.hrm.edge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.stream.Stream;
import org.hrm.testsupport.architecture.ServiceArchitecture;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The shared service rules (ServiceArchitecture), and the edge's own rule for the platform SDK. */
class EdgeArchitectureTest {
    private static final JavaClasses MAIN = ServiceArchitecture.mainClasses("org.hrm.edge");

    @TestFactory
    Stream<DynamicTest> followsTheServiceArchitecture() {
        return ServiceArchitecture.of("org.hrm.edge")
                .domainMayAlsoUse("org.hrm.contracts", "an owner is a patient or a practitioner: the contract's Domain")
                .tests(MAIN);
    }

    /** Edge-specific: only adapter.sdk talks to the platform, through the client SDK. */
    @Test
    void domainAndApplicationKnowNoSdk() {
        noClasses()
                .that()
                .resideInAnyPackage("org.hrm.edge.domain..", "org.hrm.edge.application..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.hrm.client..")
                .check(MAIN);
    }
}
