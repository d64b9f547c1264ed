package org.hrm.deploy;

import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleType;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.hrm.contracts.ServiceName;
import org.hrm.contracts.Topic;

/** Who may do what on a topic, from the KafkaUser resources' simple-authorization ACLs. */
final class KafkaAcls {
    /** The KafkaUser of operators' tooling (users.yaml). */
    static final String OPERATOR = "hrm-operator";

    /**
     * Topics whose catalogue producer, {@link ServiceName#CLIENT}, is operators' tooling rather than
     * hospital systems: written by the {@value #OPERATOR} principal, never by {@code hrm-client}.
     */
    private static final Set<Topic> OPERATOR_TOPICS = EnumSet.of(Topic.VAULT_COMMANDS);

    private final List<KafkaUser> users;

    KafkaAcls(List<KafkaUser> users) {
        this.users = users;
    }

    /** The KafkaUser a catalogue producer connects as, e.g. KEY_VAULT: hrm-key-vault. */
    static String principalOf(ServiceName service) {
        return "hrm-" + service.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The KafkaUser that writes a catalogue topic: its producer's principal, except that the catalogue's
     * CLIENT stands for two kinds of client which Kubernetes keeps apart. Hospital systems using the SDK
     * connect as hrm-client; operators' tooling connects as hrm-operator and is the only writer of the
     * operator command topics (so no hospital system can rotate or retire the vault's master keys).
     */
    static String producerPrincipal(Topic topic) {
        if (OPERATOR_TOPICS.contains(topic)) {
            if (topic.producer() != ServiceName.CLIENT) {
                throw new AssertionError(topic + " is an operator topic but its producer is " + topic.producer());
            }
            return OPERATOR;
        }
        return principalOf(topic.producer());
    }

    Set<String> principalsAllowed(String topic, AclOperation operation) {
        Set<String> principals = new TreeSet<>();
        for (KafkaUser user : users) {
            boolean allowed = topicRules(user).stream()
                    .filter(rule -> rule.getType() != AclRuleType.DENY)
                    .filter(rule -> matches((AclRuleTopicResource) rule.getResource(), topic))
                    .anyMatch(rule -> grants(rule.getOperations(), operation));
            if (allowed) {
                principals.add(user.getMetadata().getName());
            }
        }
        return principals;
    }

    /** Topic rules that name no single topic: wildcards and prefixes. */
    List<String> broadTopicRules() {
        return users.stream()
                .flatMap(user -> topicRules(user).stream()
                        .map(rule -> (AclRuleTopicResource) rule.getResource())
                        .filter(resource -> resource.getName().contains("*")
                                || resource.getPatternType() == AclResourcePatternType.PREFIX)
                        .map(resource -> user.getMetadata().getName() + " on " + resource.getName()))
                .toList();
    }

    private static List<AclRule> topicRules(KafkaUser user) {
        if (!(user.getSpec().getAuthorization() instanceof KafkaUserAuthorizationSimple simple)) {
            return List.of();
        }
        return simple.getAcls().stream()
                .filter(rule -> rule.getResource() instanceof AclRuleTopicResource)
                .toList();
    }

    private static boolean matches(AclRuleTopicResource resource, String topic) {
        return resource.getPatternType() == AclResourcePatternType.PREFIX
                ? topic.startsWith(resource.getName())
                : resource.getName().equals(topic) || resource.getName().equals("*");
    }

    private static boolean grants(Collection<AclOperation> operations, AclOperation wanted) {
        return operations != null && (operations.contains(wanted) || operations.contains(AclOperation.ALL));
    }
}
