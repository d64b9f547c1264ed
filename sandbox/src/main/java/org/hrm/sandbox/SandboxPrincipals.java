package org.hrm.sandbox;

import java.util.List;
import org.hrm.cli.CliPrincipals;
import org.hrm.contracts.KafkaRole;
import org.hrm.embedded.KafkaWalls;

/**
 * Who the sandbox's own Kafka clients connect as inside the walls: what they do decides which principal, so each is
 * refused what its production counterpart would be refused.
 */
public final class SandboxPrincipals {
    /** The demo's hospital system and the CLI's parties (submit, register, grant, revoke, fetch, erase). */
    public static final String HOSPITAL = CliPrincipals.HOSPITAL;
    /** The FHIR edge, a hospital system of its own. */
    public static final String FHIR_EDGE = KafkaRole.hospitalPrincipal("sandbox-fhir-edge");
    /** Operators' tooling: the vault's commands, dead letters, the audit trail. */
    public static final String OPERATOR = KafkaRole.OPERATOR.principal();
    /**
     * The sandbox's test tooling (watchers, surveys, benchmark clocks): reads every topic, writes none. The CLI's name
     * for it, which {@code SandboxPrincipalsTest} checks is the broker walls' {@link KafkaWalls#OBSERVER}.
     */
    public static final String OBSERVER = CliPrincipals.OBSERVER;

    /**
     * The principals whose credentials {@code ./hrm up} leaves for the CLI and a demo in their own JVMs; the sandbox's
     * admin because the demo's erasure check changes the erasable topics' settings to make the broker compact them now.
     */
    static final List<String> CLI = List.of(HOSPITAL, FHIR_EDGE, OPERATOR, OBSERVER, KafkaWalls.ADMIN);

    private SandboxPrincipals() {}
}
