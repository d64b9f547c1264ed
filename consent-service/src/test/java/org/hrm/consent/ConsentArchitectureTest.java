package org.hrm.consent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.hrm.consent", importOptions = ImportOption.DoNotIncludeTests.class)
class ConsentArchitectureTest {

    @ArchTest
    static final ArchRule domainDependsOnlyOnTheJdkAndItself = classes()
            .that()
            .resideInAPackage("..domain..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "javax.crypto..", "org.hrm.crypto..", "org.hrm.consent.domain..");

    @ArchTest
    static final ArchRule applicationIsFreeOfSpringKafkaMongoAndAdapters = noClasses()
            .that()
            .resideInAPackage("..application..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "..adapter..",
                    "..config..",
                    "org.springframework..",
                    "org.apache.kafka..",
                    "com.mongodb..",
                    "org.bson..");

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
}
