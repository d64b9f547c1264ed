package org.hrm.edge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.hrm.edge", importOptions = ImportOption.DoNotIncludeTests.class)
class EdgeArchitectureTest {

    @ArchTest
    static final ArchRule domainDependsOnlyOnJavaAndTheDomainEnum = classes()
            .that()
            .resideInAPackage("..edge.domain..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "..edge.domain..", "org.hrm.contracts");

    @ArchTest
    static final ArchRule domainAndApplicationStayFreeOfSpringKafkaAndTheSdk = noClasses()
            .that()
            .resideInAnyPackage("..edge.domain..", "..edge.application..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "org.apache.kafka..", "org.hrm.client..", "jakarta..");

    @ArchTest
    static final ArchRule applicationDoesNotKnowAdaptersOrConfig = noClasses()
            .that()
            .resideInAnyPackage("..edge.domain..", "..edge.application..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..edge.adapter..", "..edge.config..");

    @ArchTest
    static final ArchRule adaptersDoNotCallEachOther =
            slices().matching("org.hrm.edge.adapter.(*)..").should().notDependOnEachOther();
}
