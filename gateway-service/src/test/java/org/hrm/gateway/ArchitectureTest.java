package org.hrm.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.hrm.gateway");

    @Test
    void domainDependsOnlyOnJava() {
        noClasses()
                .that()
                .resideInAPackage("..gateway.domain..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages("java..", "..gateway.domain..")
                .check(CLASSES);
    }

    @Test
    void applicationKnowsNoSpringKafkaMongoOrWeb() {
        noClasses()
                .that()
                .resideInAPackage("..gateway.application..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "org.apache.kafka..",
                        "com.mongodb..",
                        "org.bson..",
                        "jakarta.servlet..",
                        "..gateway.adapter..")
                .check(CLASSES);
    }

    @Test
    void adaptersDoNotCallEachOther() {
        noClasses()
                .that()
                .resideInAPackage("..adapter.kafka..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..adapter.web..", "..adapter.ops..", "..adapter.mongo..")
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAPackage("..adapter.mongo..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..adapter.web..", "..adapter.ops..", "..adapter.kafka..")
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAPackage("..adapter.ops..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..adapter.web..", "..adapter.kafka..")
                .check(CLASSES);
    }

    @Test
    void fhirModelStaysInTheAdapters() {
        noClasses()
                .that()
                .resideInAnyPackage("..gateway.domain..", "..gateway.application..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.hl7.fhir..", "ca.uhn.fhir..")
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAPackage("..adapter.fhir..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "..adapter.web..", "..adapter.kafka..", "..adapter.ops..")
                .check(CLASSES);
    }
}
