package org.hrm.cli;

import org.hrm.contracts.KafkaRole;

/**
 * Who {@code ./hrm}'s party commands connect to the sandbox's Kafka as, by the names the sandbox gives them credentials
 * under. Public because they are the one definition: the sandbox's {@code SandboxPrincipals} refers to these, and its
 * test checks {@link #OBSERVER} against the broker's walls.
 */
public final class CliPrincipals {
    /** The hospital system the CLI's parties write as (submit, register, grant, revoke, rotate-key). */
    public static final String HOSPITAL = KafkaRole.hospitalPrincipal("sandbox-hospital");
    /**
     * The sandbox's test tooling, which reads every topic and writes none: what the CLI reads verdicts, receipts, seals
     * and grants with that a hospital's principal may not (production's parties ask the gateway). Does not exist in
     * production.
     */
    public static final String OBSERVER = "hrm-sandbox-observer";

    private CliPrincipals() {}
}
