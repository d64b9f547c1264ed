package org.hrm.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class SkippedTestsReportTest {

    @Test
    void listsEveryTestThatDidNotRunWithItsReasonAndNotTheOnesThatRan() {
        List<String> printed = new ArrayList<>();
        SkippedTestsReport report = new SkippedTestsReport(printed::add, null);

        // Without auto-registration: the build's own report must not list these samples.
        LauncherFactory.create(LauncherConfig.builder()
                        .enableTestExecutionListenerAutoRegistration(false)
                        .build())
                .execute(
                        LauncherDiscoveryRequestBuilder.request()
                                .selectors(selectClass(Samples.class))
                                .build(),
                        report);

        assertThat(report.skipped())
                .containsExactlyInAnyOrder(
                        "SKIPPED SkippedTestsReportTest$Samples#disabled: kept off on purpose",
                        "SKIPPED SkippedTestsReportTest$Samples#needsATool: Samples skipped: the tool is not installed");
        assertThat(printed).first().isEqualTo("[hrm] 2 test(s) or container(s) did not run:");
        assertThat(printed).hasSize(3);
    }

    @Test
    void aMissingToolSkipsTheTestAndFailsItUnderCi() {
        assertThatThrownBy(() -> Requirements.require(false, "Samples", "the tool is not installed"))
                .isInstanceOf(Requirements.underCi() ? AssertionFailedError.class : TestAbortedException.class)
                .hasMessageContaining("Samples skipped: the tool is not installed");
    }

    @Test
    void aPresentToolLetsTheTestRun() {
        Requirements.require(true, "Samples", "never said");
        Requirements.requireNoReason(null, "Samples");
    }

    /** Run by the launcher above only: surefire does not run nested classes on its own. */
    static class Samples {
        @Test
        void runs() {}

        @Test
        @Disabled("kept off on purpose")
        void disabled() {}

        @Test
        void needsATool() {
            if (!Requirements.underCi()) {
                Requirements.require(false, "Samples", "the tool is not installed");
            }
            org.junit.jupiter.api.Assumptions.abort("Samples skipped: the tool is not installed");
        }
    }
}
