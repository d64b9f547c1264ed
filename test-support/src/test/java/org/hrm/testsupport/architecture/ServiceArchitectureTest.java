package org.hrm.testsupport.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;

class ServiceArchitectureTest {
    private static final String SAMPLE = "org.hrm.testsupport.architecture.sample";
    private static final String CLEAN = SAMPLE + ".clean";
    private static final String MESSY = SAMPLE + ".messy";
    private static final JavaClasses CLASSES = new ClassFileImporter().importPackages(SAMPLE);

    @Test
    void everyRulePassesOnAServiceThatFollowsThem() throws Throwable {
        List<DynamicTest> tests = architecture(CLEAN).tests(CLASSES).toList();

        for (DynamicTest test : tests) {
            test.getExecutable().execute();
        }
        assertThat(tests)
                .extracting(DynamicTest::getDisplayName)
                .contains(
                        "domainDependsOnlyOnJavaCryptoAndItself",
                        "adaptersDoNotCallEachOther",
                        "controllersLiveInTheWebAdapter",
                        "configurationClassesFollowTheWiringConvention",
                        "contractEventsOnlyInAdapters");
    }

    @Test
    void eachBrokenRuleNamesTheClassThatBreaksIt() {
        Map<String, String> failures = failures(architecture(MESSY));

        assertThat(failures.keySet())
                .containsExactlyInAnyOrder(
                        "domainDependsOnlyOnJavaCryptoAndItself",
                        "applicationDependsOnNoAdapterOrConfig",
                        "domainAndApplicationAreFreeOfFrameworks",
                        "adaptersDoNotCallEachOther",
                        "controllersLiveInTheWebAdapter",
                        "configurationClassesFollowTheWiringConvention",
                        "configurationIsTheSuffixOfConfigurationClassesOnly",
                        "contractEventsOnlyInAdapters");
        assertThat(failures.get("configurationClassesFollowTheWiringConvention"))
                .contains("OpsWiring");
        assertThat(failures.get("configurationIsTheSuffixOfConfigurationClassesOnly"))
                .contains("MessyConfiguration");
        assertThat(failures.get("controllersLiveInTheWebAdapter")).contains("DoseStore");
        assertThat(failures.get("domainAndApplicationAreFreeOfFrameworks")).contains("Billing");
        assertThat(failures.get("contractEventsOnlyInAdapters"))
                .contains(MESSY + ".application.Charting uses [DoseGiven]");
    }

    @Test
    void anAdapterCallStatedAsAllowedPasses() {
        Map<String, String> failures =
                failures(architecture(MESSY).adapterMayCall("mongo", "kafka", "the sample says so"));

        assertThat(failures).doesNotContainKey("adaptersDoNotCallEachOther");
    }

    @Test
    void anExceptionWithoutAReasonIsRefused() {
        assertThatThrownBy(() -> architecture(MESSY).adapterMayCall("mongo", "kafka", " "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRatchetPassesWhenItListsExactlyTheClassesThatStillUseEvents() {
        ServiceArchitecture architecture = architecture(MESSY)
                .contractEventsStillUsedOutsideAdaptersBy(
                        MESSY + ".application.Billing", MESSY + ".application.Charting");

        architecture.contractEventRatchet().check(CLASSES);
    }

    @Test
    void theRatchetFailsForAClassNotOnTheList() {
        ServiceArchitecture architecture =
                architecture(MESSY).contractEventsStillUsedOutsideAdaptersBy(MESSY + ".application.Billing");

        assertThatThrownBy(() -> architecture.contractEventRatchet().check(CLASSES))
                .hasMessageContaining(MESSY + ".application.Charting uses [DoseGiven]")
                .hasMessageNotContaining("Billing");
    }

    @Test
    void theRatchetFailsForAListedClassThatNoLongerUsesEvents() {
        ServiceArchitecture architecture = architecture(MESSY)
                .contractEventsStillUsedOutsideAdaptersBy(
                        MESSY + ".application.Billing", MESSY + ".application.Charting", MESSY + ".domain.Dose");

        assertThatThrownBy(() -> architecture.contractEventRatchet().check(CLASSES))
                .hasMessageContaining(MESSY + ".domain.Dose no longer uses contract events: strike it from the list");
    }

    private static ServiceArchitecture architecture(String root) {
        return ServiceArchitecture.of(root).eventsIn(SAMPLE + ".events");
    }

    private static Map<String, String> failures(ServiceArchitecture architecture) {
        return architecture
                .tests(CLASSES)
                .map(test -> {
                    try {
                        test.getExecutable().execute();
                        return null;
                    } catch (Throwable failure) {
                        return Map.entry(test.getDisplayName(), String.valueOf(failure.getMessage()));
                    }
                })
                .filter(entry -> entry != null)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
