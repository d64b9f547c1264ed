package org.hrm.ledgerwriter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.hrm.ledgerwriter", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainDependsOnlyOnJavaAndItself = classes()
            .that()
            .resideInAPackage("..ledgerwriter.domain..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "..ledgerwriter.domain..");

    @ArchTest
    static final ArchRule domainAndApplicationStayFreeOfFrameworks = noClasses()
            .that()
            .resideInAnyPackage("..ledgerwriter.domain..", "..ledgerwriter.application..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "org.apache.kafka..",
                    "com.mongodb..",
                    "org.bson..",
                    "org.web3j..",
                    "okhttp3..",
                    "org.hrm.contracts.ledger..");

    @ArchTest
    static final ArchRule applicationDoesNotKnowAdaptersOrConfig = noClasses()
            .that()
            .resideInAnyPackage("..ledgerwriter.domain..", "..ledgerwriter.application..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..ledgerwriter.adapter..", "..ledgerwriter.config..");

    @ArchTest
    static final ArchRule adaptersDoNotCallEachOther =
            slices().matching("org.hrm.ledgerwriter.adapter.(*)..").should().notDependOnEachOther();
}
