package org.hrm.keyvault;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.hrm.keyvault", importOptions = ImportOption.DoNotIncludeTests.class)
class KeyVaultArchitectureTest {

    @ArchTest
    static final ArchRule domainDependsOnlyOnTheJdkAndItself = classes()
            .that()
            .resideInAPackage("..domain..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "javax.crypto..", "org.hrm.crypto..", "org.hrm.keyvault.domain..");

    @ArchTest
    static final ArchRule applicationDependsOnNoAdapterOrConfig = noClasses()
            .that()
            .resideInAPackage("..application..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..adapter..", "..config..", "org.springframework..");

    @ArchTest
    static final ArchRule kafkaAdapterDoesNotCallTheMongoAdapter = noClasses()
            .that()
            .resideInAPackage("..adapter.kafka..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..adapter.mongo..");

    @ArchTest
    static final ArchRule mongoAdapterDoesNotCallTheKafkaAdapter = noClasses()
            .that()
            .resideInAPackage("..adapter.mongo..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..adapter.kafka..");

    @ArchTest
    static final ArchRule nothingButTheKafkaAdapterTouchesKafka = noClasses()
            .that()
            .resideOutsideOfPackage("..adapter.kafka..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..");

    @ArchTest
    static final ArchRule nothingButTheMongoAdapterTouchesMongo = noClasses()
            .that()
            .resideOutsideOfPackage("..adapter.mongo..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.mongodb..", "org.bson..", "org.springframework.data.mongodb..");

    @ArchTest
    static final ArchRule nothingButTheChainAdapterTouchesWeb3jOrTheLedgerWrapper = noClasses()
            .that()
            .resideOutsideOfPackage("..adapter.chain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.web3j..", "okhttp3..", "org.hrm.contracts.ledger..");

    @ArchTest
    static final ArchRule adaptersDoNotCallEachOther =
            slices().matching("org.hrm.keyvault.adapter.(*)..").should().notDependOnEachOther();
}
