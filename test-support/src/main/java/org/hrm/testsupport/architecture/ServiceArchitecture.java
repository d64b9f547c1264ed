package org.hrm.testsupport.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The one set of architecture rules every service applies to its main classes, given its root package (see
 * docs/decisions/0043): the layers point inward, the web adapter holds the controllers and the web types, every
 * {@code @Configuration} class follows the wiring convention, and contract event records are used only in adapters.
 * A service's single architecture test returns {@link #tests()} from a {@code @TestFactory}; what a service allows
 * beyond the shared rules it states here by name, with the reason.
 */
public final class ServiceArchitecture {
    private final String root;
    private final List<String> domainMayAlsoUse = new ArrayList<>();
    private final List<Map.Entry<String, String>> adapterCallsAllowed = new ArrayList<>();
    private final Map<Client, List<String>> clientAlsoUsedIn = new EnumMap<>(Client.class);
    private Set<String> contractEventUsersLeft = Set.of();
    private String eventsPackage = ContractEventRatchet.EVENTS;

    private ServiceArchitecture(String root) {
        this.root = root;
    }

    /** The rules for the service whose main classes live under {@code rootPackage}, e.g. {@code org.hrm.consent}. */
    public static ServiceArchitecture of(String rootPackage) {
        return new ServiceArchitecture(rootPackage);
    }

    /** Lets the domain also depend on classes in {@code packageIdentifier} (an ArchUnit package pattern). */
    public ServiceArchitecture domainMayAlsoUse(String packageIdentifier, String why) {
        requireReason(why);
        domainMayAlsoUse.add(packageIdentifier);
        return this;
    }

    /** Lets adapter {@code from} (e.g. "web") call adapter {@code to} (e.g. "fhir"); every other pair stays apart. */
    public ServiceArchitecture adapterMayCall(String from, String to, String why) {
        requireReason(why);
        adapterCallsAllowed.add(Map.entry(from, to));
        return this;
    }

    /** Lets adapter {@code adapter} (e.g. "ops") also use {@code client}, which is otherwise its own adapter's alone. */
    public ServiceArchitecture adapterAlsoUses(String adapter, Client client, String why) {
        requireReason(why);
        clientAlsoUsedIn.computeIfAbsent(client, unused -> new ArrayList<>()).add(layer("adapter." + adapter));
        return this;
    }

    /**
     * The classes outside the adapters that still use contract event records, by fully qualified name: a ratchet, so
     * the test fails for any other class that uses them and for a listed class that no longer does.
     */
    public ServiceArchitecture contractEventsStillUsedOutsideAdaptersBy(String... classNames) {
        contractEventUsersLeft = Set.of(classNames);
        return this;
    }

    /** One test per rule, over the service's main classes (tests excluded), imported once. */
    public Stream<DynamicTest> tests() {
        return tests(mainClasses(root));
    }

    /**
     * The main classes (tests excluded) of the service under {@code root}: what {@link #tests()} imports, for a service
     * test that also checks rules of its own and hands the same import to {@link #tests(JavaClasses)} (an import costs
     * seconds).
     */
    public static JavaClasses mainClasses(String root) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root);
    }

    /** One test per rule, over {@code main}: the service's classes as {@link #mainClasses} imports them. */
    public Stream<DynamicTest> tests(JavaClasses main) {
        Stream<DynamicTest> rules = rules().entrySet().stream()
                .map(rule -> DynamicTest.dynamicTest(
                        rule.getKey(), () -> rule.getValue().check(main)));
        DynamicTest ratchet = DynamicTest.dynamicTest(
                "contractEventsOnlyInAdapters", () -> contractEventRatchet().check(main));
        return Stream.concat(rules, Stream.of(ratchet));
    }

    /** The "contract event records only in adapters" ratchet, over the listed classes. */
    ContractEventRatchet contractEventRatchet() {
        return new ContractEventRatchet(root, eventsPackage, contractEventUsersLeft);
    }

    /** For the rules' own tests: the package whose records count as contract events. */
    ServiceArchitecture eventsIn(String packageName) {
        eventsPackage = packageName;
        return this;
    }

    /** The shared rules by name (all but the contract-event ratchet). */
    public Map<String, ArchRule> rules() {
        return new ServiceRules(root, domainMayAlsoUse, adapterCallsAllowed, clientAlsoUsedIn).byName();
    }

    private String layer(String name) {
        return root + "." + name + "..";
    }

    private static void requireReason(String why) {
        if (why == null || why.isBlank()) {
            throw new IllegalArgumentException("a service-specific exception states its reason");
        }
    }
}
