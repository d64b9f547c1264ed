package org.hrm.contracts;

import java.util.Locale;
import java.util.Optional;

/**
 * Who connects to Kafka, each role with principals of its own: the four services (one principal each), hospital
 * systems (one principal per hospital) and operators' tooling. The catalogue's producer {@link ServiceName#CLIENT}
 * stands for the client roles; {@link TopicAccess} says which role writes and reads each topic.
 */
public enum KafkaRole {
    CONSENT("consent-service"),
    KEY_VAULT("key-vault-service"),
    LEDGER_WRITER("ledger-writer"),
    /** Builds its consumers without a group (it assigns every partition and reads from the start). */
    GATEWAY(null),
    /** One principal per hospital system ({@link #hospitalPrincipal}); the SDK and the FHIR edge connect as one. */
    HOSPITAL(null),
    OPERATOR("hrm-operator");

    private static final String HOSPITAL_PREFIX = "hrm-hospital-";

    private final String groupPrefix;

    KafkaRole(String groupPrefix) {
        this.groupPrefix = groupPrefix;
    }

    /** The role a service connects in. */
    public static KafkaRole of(ServiceName service) {
        return switch (service) {
            case CONSENT -> CONSENT;
            case KEY_VAULT -> KEY_VAULT;
            case LEDGER_WRITER -> LEDGER_WRITER;
            case GATEWAY -> GATEWAY;
            case CLIENT -> throw new IllegalArgumentException("CLIENT is two roles: HOSPITAL and OPERATOR");
        };
    }

    /** The Kafka principal (KafkaUser, SCRAM user) of a service or of operators' tooling, e.g. hrm-key-vault. */
    public String principal() {
        if (this == HOSPITAL) {
            throw new IllegalStateException("each hospital has its own principal: hospitalPrincipal(id)");
        }
        return "hrm-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The principal of one hospital system, e.g. hrm-hospital-st-mary: lower-case letters, digits and dashes. */
    public static String hospitalPrincipal(String hospitalId) {
        if (!hospitalId.matches("[a-z0-9]([a-z0-9-]{0,40}[a-z0-9])?")) {
            throw new IllegalArgumentException("a hospital id is lower-case letters, digits and inner dashes");
        }
        return HOSPITAL_PREFIX + hospitalId;
    }

    /** The hospital id of a hospital principal, if {@code principal} is one. */
    public static Optional<String> hospitalOf(String principal) {
        return principal.startsWith(HOSPITAL_PREFIX)
                ? Optional.of(principal.substring(HOSPITAL_PREFIX.length()))
                : Optional.empty();
    }

    /**
     * The prefix of every consumer group this role's principal may join; empty for a role that uses none. A hospital's
     * groups start with its principal ({@link #hospitalPrincipal}).
     */
    public Optional<String> groupPrefix() {
        return Optional.ofNullable(groupPrefix);
    }
}
