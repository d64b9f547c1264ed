package org.hrm.deploy;

import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleType;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Who may do what on a topic, from the KafkaUser resources' simple-authorization ACLs (KafkaAclCoverageTest checks them all). */
final class KafkaAcls {
    private final List<KafkaUser> users;

    KafkaAcls(List<KafkaUser> users) {
        this.users = users;
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
