package org.hrm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.hrm.cli.CliPrincipals;
import org.hrm.embedded.KafkaWalls;
import org.junit.jupiter.api.Test;

/**
 * The CLI names the observer without embedded-infra on its class path: the name must be the one the broker's walls
 * give credentials and ACLs to, or every command that waits for a verdict would be refused.
 */
class SandboxPrincipalsTest {
    @Test
    void theClisObserverIsTheWallsObserver() {
        assertThat(CliPrincipals.OBSERVER).isEqualTo(KafkaWalls.OBSERVER);
        assertThat(SandboxPrincipals.CLI).contains(CliPrincipals.HOSPITAL, CliPrincipals.OBSERVER);
    }
}
