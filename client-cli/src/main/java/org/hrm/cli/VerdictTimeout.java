package org.hrm.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --timeout SECONDS}: how long a command waits for consent-service's verdict on what it published. */
final class VerdictTimeout {
    /** The exit codes of a command that waits for a verdict, as its help lists them. */
    static final String ACCEPTED = "0:accepted by consent-service";

    static final String USAGE = "2:a usage error";
    static final String REFUSED = "3:refused (the reason is printed)";
    static final String NONE = "5:no verdict within --timeout";

    // By default longer than consent-service's grace for a party not registered yet.
    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "60",
            description = "How long to wait for consent-service's verdict; exit 5 if none came.")
    int seconds;

    Duration duration() {
        return Duration.ofSeconds(seconds);
    }
}
