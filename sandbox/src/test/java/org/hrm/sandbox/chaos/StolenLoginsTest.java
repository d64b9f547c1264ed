package org.hrm.sandbox.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.hrm.contracts.Domain;
import org.hrm.contracts.KafkaRole;
import org.hrm.contracts.Topic;
import org.hrm.embedded.KafkaWalls;
import org.hrm.sandbox.Platform;
import org.hrm.sandbox.SandboxPrincipals;
import org.junit.jupiter.api.Test;

class StolenLoginsTest {

    @Test
    void everyTopicIsWrittenWithALoginItsAclsLetWriteIt() {
        Set<String> writes = KafkaWalls.generate(Platform.SANDBOX_HOSPITALS).acls().stream()
                .filter(acl -> acl.pattern().resourceType() == ResourceType.TOPIC
                        && acl.pattern().patternType() == PatternType.LITERAL
                        && acl.entry().operation() == AclOperation.WRITE
                        && acl.entry().permissionType() == AclPermissionType.ALLOW)
                .map(acl -> acl.entry().principal() + " " + acl.pattern().name())
                .collect(Collectors.toSet());

        for (Topic topic : Topic.values()) {
            for (String name : topic.allNames()) {
                assertThat(writes).contains("User:" + StolenLogins.rightfulWriter(name) + " " + name);
            }
        }
    }

    @Test
    void clientTopicsAreTheHospitalsAndServiceTopicsTheirProducers() {
        assertThat(StolenLogins.rightfulWriter(Topic.RECORD_SUBMITTED.name(Domain.PATIENT)))
                .isEqualTo(SandboxPrincipals.HOSPITAL);
        assertThat(StolenLogins.rightfulWriter(Topic.ACCESS_DECIDED.name(Domain.PATIENT)))
                .isEqualTo(KafkaRole.CONSENT.principal());
        assertThat(StolenLogins.rightfulWriter(Topic.KEYS_DESTROYED.name(Domain.PATIENT)))
                .isEqualTo(KafkaRole.KEY_VAULT.principal());
        assertThat(StolenLogins.rightfulWriter(Topic.VAULT_COMMANDS.topicName()))
                .isEqualTo(KafkaRole.OPERATOR.principal());
        assertThatThrownBy(() -> StolenLogins.rightfulWriter("not-a-topic"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
