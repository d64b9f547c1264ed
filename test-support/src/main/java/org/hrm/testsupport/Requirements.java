package org.hrm.testsupport;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from the machine (a browser, an HSM, promtool, docker-compose, node). Without it the test is
 * skipped with the reason, which {@link SkippedTestsReport} lists at the end of the run; under CI ({@code CI=true}),
 * whose script installs every such tool, the same absence is a failure, so a check cannot quietly stop running.
 * Docker is not one of these: no Docker engine runs on the project's machines, so the Testcontainers tests skip by
 * their own annotation.
 */
public final class Requirements {
    private Requirements() {}

    /**
     * Returns when {@code available}; otherwise skips the calling test (fails it under CI).
     *
     * @param available whether the machine has what the test needs
     * @param test what is skipped, e.g. "PortalBrowserIT"
     * @param missing why, with how to install it, e.g. "chromium is not installed (apt-get install -y chromium)"
     */
    public static void require(boolean available, String test, String missing) {
        if (available) {
            return;
        }
        String message = test + " skipped: " + missing;
        System.out.println(message);
        if (underCi()) {
            Assertions.fail(message + " (CI installs it: a skip here is a failure)");
        }
        Assumptions.abort(message);
    }

    /** Same, for a reason computed by the caller: {@code null} means available. */
    public static void requireNoReason(String unavailableReason, String test) {
        require(unavailableReason == null, test, unavailableReason);
    }

    static boolean underCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
