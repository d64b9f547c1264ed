package org.hrm.testsupport.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The shared rules of {@link ServiceArchitecture} for one service's root package, with its stated exceptions. */
final class ServiceRules {
    static final String[] FRAMEWORKS = {
        "org.springframework..",
        "org.apache.kafka..",
        "com.mongodb..",
        "org.bson..",
        "org.web3j..",
        "okhttp3..",
        "org.hrm.contracts.ledger..",
        "jakarta.servlet.."
    };
    static final String[] WEB_TYPES = {"org.springframework.web..", "org.springframework.http..", "jakarta.servlet.."};
    private static final String CONFIGURATION = "org.springframework.context.annotation.Configuration";
    private static final String BOOT_APPLICATION = "org.springframework.boot.SpringBootConfiguration";

    private final String root;
    private final List<String> domainMayAlsoUse;
    private final List<Map.Entry<String, String>> adapterCallsAllowed;
    private final Map<Client, List<String>> clientAlsoUsedIn;

    ServiceRules(
            String root,
            List<String> domainMayAlsoUse,
            List<Map.Entry<String, String>> adapterCallsAllowed,
            Map<Client, List<String>> clientAlsoUsedIn) {
        this.root = root;
        this.domainMayAlsoUse = domainMayAlsoUse;
        this.adapterCallsAllowed = adapterCallsAllowed;
        this.clientAlsoUsedIn = clientAlsoUsedIn;
    }

    Map<String, ArchRule> byName() {
        Map<String, ArchRule> rules = new LinkedHashMap<>();
        rules.put("domainDependsOnlyOnJavaCryptoAndItself", domainRule());
        rules.put(
                "applicationDependsOnNoAdapterOrConfig",
                noClasses()
                        .that()
                        .resideInAPackage(layer("application"))
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(layer("adapter"), layer("config"))
                        .allowEmptyShould(true));
        rules.put(
                "domainAndApplicationAreFreeOfFrameworks",
                noClasses()
                        .that()
                        .resideInAnyPackage(layer("domain"), layer("application"))
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(FRAMEWORKS)
                        .allowEmptyShould(true));
        rules.put("adaptersDoNotCallEachOther", adapterRule());
        for (Client client : Client.values()) {
            rules.put(client.name().toLowerCase(Locale.ROOT) + "OnlyInItsAdapterAndConfig", clientRule(client));
        }
        rules.put(
                "controllersLiveInTheWebAdapter",
                classes()
                        .that()
                        .resideInAPackage(root + "..")
                        .and()
                        .areMetaAnnotatedWith("org.springframework.stereotype.Controller")
                        .should()
                        .resideInAPackage(layer("adapter.web"))
                        .allowEmptyShould(true));
        rules.put(
                "webTypesOnlyInTheWebAdapterAndConfig",
                noClasses()
                        .that()
                        .resideInAPackage(root + "..")
                        .and()
                        .resideOutsideOfPackages(layer("adapter.web"), layer("config"))
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(WEB_TYPES)
                        .allowEmptyShould(true));
        rules.put("configurationClassesFollowTheWiringConvention", wiringRule());
        rules.put(
                "configurationIsTheSuffixOfConfigurationClassesOnly",
                classes()
                        .that()
                        .resideInAPackage(root + "..")
                        .and()
                        .haveSimpleNameEndingWith("Configuration")
                        .should()
                        .beMetaAnnotatedWith(CONFIGURATION)
                        .allowEmptyShould(true));
        return rules;
    }

    private ArchRule domainRule() {
        List<String> allowed =
                new ArrayList<>(List.of("java..", "javax.crypto..", "org.hrm.crypto..", layer("domain")));
        allowed.addAll(domainMayAlsoUse);
        return classes()
                .that()
                .resideInAPackage(layer("domain"))
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(allowed.toArray(String[]::new))
                .allowEmptyShould(true);
    }

    private ArchRule adapterRule() {
        SliceRule rule = slices().matching(root + ".adapter.(*)..").should().notDependOnEachOther();
        for (Map.Entry<String, String> pair : adapterCallsAllowed) {
            rule = rule.ignoreDependency(
                    resideInAPackage(layer("adapter." + pair.getKey())),
                    resideInAPackage(layer("adapter." + pair.getValue())));
        }
        return rule.allowEmptyShould(true);
    }

    private ArchRule clientRule(Client client) {
        List<String> home = new ArrayList<>(List.of(layer("adapter." + client.adapter), layer("config")));
        home.addAll(clientAlsoUsedIn.getOrDefault(client, List.of()));
        return noClasses()
                .that()
                .resideInAPackage(root + "..")
                .and()
                .resideOutsideOfPackages(home.toArray(String[]::new))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(client.packages)
                .allowEmptyShould(true);
    }

    /** Wiring: every @Configuration class is a *Configuration in config or in the top package of the adapter it wires. */
    private ArchRule wiringRule() {
        return classes()
                .that()
                .resideInAPackage(root + "..")
                .and()
                .areMetaAnnotatedWith(CONFIGURATION)
                .and()
                .areNotMetaAnnotatedWith(BOOT_APPLICATION)
                .should()
                .haveSimpleNameEndingWith("Configuration")
                .andShould()
                .resideInAnyPackage(root + ".config", root + ".adapter.*")
                .allowEmptyShould(true);
    }

    private String layer(String name) {
        return root + "." + name + "..";
    }
}
