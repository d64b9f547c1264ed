package org.hrm.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.stream.Stream;
import org.hrm.testsupport.architecture.Client;
import org.hrm.testsupport.architecture.ServiceArchitecture;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The shared service rules (ServiceArchitecture), and the gateway's own rules: the FHIR mapper, the shared mapping. */
class ArchitectureTest {
    private static final JavaClasses MAIN = ServiceArchitecture.mainClasses("org.hrm.gateway");

    @TestFactory
    Stream<DynamicTest> followsTheServiceArchitecture() {
        return ServiceArchitecture.of("org.hrm.gateway")
                .adapterMayCall("web", "fhir", "the FHIR endpoints render their views through the FHIR mapper")
                .adapterAlsoUses(
                        "ops", Client.KAFKA, "the dashboard reads offsets and group lag with Kafka's admin API")
                .tests(MAIN);
    }

    /**
     * Gateway-specific: what two adapters share sits in their parent package (RecordMapping), which no slice of the
     * shared "adapters do not call each other" covers; it reaches into no adapter, so it cannot bridge two.
     */
    @Test
    void whatTheAdaptersShareDependsOnNoAdapter() {
        noClasses()
                .that()
                .resideInAPackage("org.hrm.gateway.adapter")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.hrm.gateway.adapter.*..")
                .check(MAIN);
    }

    /** Gateway-specific: the HAPI FHIR model is an adapter's concern, and the FHIR mapper knows no Spring. */
    @Test
    void fhirModelStaysInTheFhirAndWebAdapters() {
        noClasses()
                .that()
                .resideInAnyPackage("org.hrm.gateway.domain..", "org.hrm.gateway.application..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.hl7.fhir..", "ca.uhn.fhir..")
                .check(MAIN);
        noClasses()
                .that()
                .resideInAPackage("org.hrm.gateway.adapter.fhir..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.springframework..")
                .check(MAIN);
    }
}
