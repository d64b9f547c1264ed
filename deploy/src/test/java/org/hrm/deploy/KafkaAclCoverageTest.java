package org.hrm.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hrm.contracts.KafkaRole;
import org.hrm.contracts.Topic;
import org.hrm.contracts.TopicAccess;
import org.junit.jupiter.api.Test;

/**
 * The ACL coverage test: compose's acls.txt and the Kubernetes KafkaUsers grant exactly what {@link TopicAccess}
 * derives from the topic catalogue and the services' code (no gap, no excess): each topic's writers Write and
 * Describe, its readers Read and Describe, each role's consumer groups by prefix, nothing else (no wildcard, no
 * cluster or transactional-id rule: no service uses transactions, and idempotent producers need only Write).
 * Hospitals get one principal each, from one template, and read only the public party directory. These same rules
 * are what the brokers of DeploymentBootIT enforce on the services started from each deployment, compose's over
 * SASL_SSL with the generator's certificates and SCRAM logins, Kubernetes' over TLS with client certificates, and what
 * ComposeKafkaBrokerIT enforces with compose's own broker settings.
 */
class KafkaAclCoverageTest {
    static final String ACLS = "deploy/docker/kafka/acls.txt";
    static final String HOSPITAL_TEMPLATE = "deploy/kubernetes/kafka/hospital-user.yaml.template";
    /** The placeholder acls.txt and the Kubernetes template use for a hospital's id. */
    static final String HOSPITAL = "{hospital}";
    /** The example hospital compose's secrets generator and the Kubernetes manifests create. */
    static final String EXAMPLE_HOSPITAL = "example";
    /** KEDA reads consumer lag in Kubernetes only (Describe, never Read): KubernetesTopologyTest checks it. */
    private static final String KEDA = "hrm-keda";

    @Test
    void composeAclsGrantExactlyTheCatalogue() {
        Set<String> compose = composeRules(EXAMPLE_HOSPITAL);

        assertThat(compose)
                .as("ACL rules of %s (principal type pattern name operation)", ACLS)
                .containsExactlyInAnyOrderElementsOf(expected(Set.of(EXAMPLE_HOSPITAL)));
    }

    @Test
    void kubernetesKafkaUsersGrantExactlyTheCatalogueWithOneUserPerHospital() {
        List<KafkaUser> users = ModelResources.all(KafkaUser.class).stream()
                .filter(user -> !user.getMetadata().getName().equals(KEDA))
                .toList();
        Set<String> hospitals = users.stream()
                .map(user -> KafkaRole.hospitalOf(user.getMetadata().getName()))
                .flatMap(java.util.Optional::stream)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(hospitals).contains(EXAMPLE_HOSPITAL);
        assertThat(kubernetesRules(users))
                .as("ACL rules of the KafkaUsers (principal type pattern name operation)")
                .containsExactlyInAnyOrderElementsOf(expected(hospitals));
    }

    @Test
    void theHospitalTemplateMakesAUserThatGrantsExactlyAHospitalsRules() {
        String hospital = "st-mary-2";

        Set<String> rules = kubernetesRules(List.of(hospitalUser(hospital)));

        assertThat(rules)
                .containsExactlyInAnyOrderElementsOf(expected(Set.of(hospital)).stream()
                        .filter(rule -> rule.startsWith(KafkaRole.hospitalPrincipal(hospital) + " "))
                        .toList());
        assertThat(composeRules(hospital))
                .filteredOn(rule -> rule.startsWith(KafkaRole.hospitalPrincipal(hospital) + " "))
                .containsExactlyInAnyOrderElementsOf(rules);
    }

    @Test
    void noHospitalReadsATopicCarryingOtherPartiesData() {
        Set<String> hospitalReads = composeRules(EXAMPLE_HOSPITAL).stream()
                .filter(rule -> rule.startsWith(KafkaRole.hospitalPrincipal(EXAMPLE_HOSPITAL) + " topic "))
                .filter(rule -> rule.endsWith(" Read"))
                .map(rule -> rule.split(" ")[3])
                .collect(Collectors.toSet());

        assertThat(hospitalReads)
                .containsExactlyInAnyOrderElementsOf(TopicAccess.PUBLIC.stream()
                        .flatMap(topic -> topic.allNames().stream())
                        .toList())
                .doesNotContainAnyElementsOf(Topic.STANDING_GRANTS.allNames())
                .doesNotContainAnyElementsOf(Topic.RECORD_RELEASED.allNames())
                .doesNotContainAnyElementsOf(Topic.RECORD_RELEASE_DENIED.allNames());
    }

    /** What the catalogue asks for, one rule per operation, for the given hospitals. */
    static Set<String> expected(Set<String> hospitals) {
        Set<String> rules = new TreeSet<>();
        for (Topic topic : Topic.values()) {
            for (String name : topic.allNames()) {
                TopicAccess.writers(topic)
                        .forEach(role -> principals(role, hospitals)
                                .forEach(principal -> topicRule(rules, principal, name, "Write")));
                TopicAccess.readers(topic)
                        .forEach(role -> principals(role, hospitals)
                                .forEach(principal -> topicRule(rules, principal, name, "Read")));
            }
        }
        for (KafkaRole role : KafkaRole.values()) {
            role.groupPrefix()
                    .ifPresent(prefix -> rules.add(rule(role.principal(), "group", "prefix", prefix, "Read")));
        }
        hospitals.forEach(hospital -> {
            String principal = KafkaRole.hospitalPrincipal(hospital);
            rules.add(rule(principal, "group", "prefix", principal, "Read"));
        });
        return rules;
    }

    /** acls.txt with its hospital lines made for {@code hospital}, as kafka-principals.sh does for each hospital. */
    static Set<String> composeRules(String hospital) {
        Set<String> rules = new TreeSet<>();
        for (String line : RepositoryFiles.read(ACLS).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] field = line.replace(HOSPITAL, hospital).trim().split("\\s+");
            assertThat(field).as(line).hasSize(5);
            for (String operation : field[4].split(",")) {
                rules.add(rule(field[0], field[1], field[2], field[3], operation));
            }
        }
        return rules;
    }

    static KafkaUser hospitalUser(String hospital) {
        String yaml = RepositoryFiles.read(HOSPITAL_TEMPLATE).replace(HOSPITAL, hospital);
        List<ManifestDocument> documents = Manifests.parse(RepositoryFiles.path(HOSPITAL_TEMPLATE), yaml);
        assertThat(documents).hasSize(1);
        try {
            return new StrictModelReader().read(documents.get(0), KafkaUser.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The KafkaUsers' ACLs as rules "principal type pattern name operation" (the principal is the user's name). */
    static Set<String> kubernetesRules(List<KafkaUser> users) {
        Set<String> rules = new TreeSet<>();
        for (KafkaUser user : users) {
            String principal = user.getMetadata().getName();
            for (AclRule acl : ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls()) {
                for (var operation : acl.getOperations()) {
                    String op = operation.toValue();
                    if (acl.getResource() instanceof AclRuleTopicResource topic) {
                        rules.add(
                                rule(principal, "topic", topic.getPatternType().toValue(), topic.getName(), op));
                    } else if (acl.getResource() instanceof AclRuleGroupResource group) {
                        rules.add(
                                rule(principal, "group", group.getPatternType().toValue(), group.getName(), op));
                    } else {
                        rules.add(rule(principal, acl.getResource().getType(), "-", "-", op));
                    }
                }
            }
        }
        return rules;
    }

    private static List<String> principals(KafkaRole role, Set<String> hospitals) {
        return role == KafkaRole.HOSPITAL
                ? hospitals.stream().map(KafkaRole::hospitalPrincipal).toList()
                : List.of(role.principal());
    }

    private static void topicRule(Set<String> rules, String principal, String topic, String operation) {
        rules.add(rule(principal, "topic", "literal", topic, operation));
        rules.add(rule(principal, "topic", "literal", topic, "Describe"));
    }

    private static String rule(String principal, String type, String pattern, String name, String operation) {
        return String.join(" ", principal, type, pattern, name, operation);
    }
}
