package org.hrm.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TopicAccessTest {

    @Test
    void everyTopicHasAWriterAndAReaderOtherThanItself() {
        for (Topic topic : Topic.values()) {
            assertThat(TopicAccess.writers(topic)).as("writers of " + topic).isNotEmpty();
            assertThat(TopicAccess.readers(topic)).as("readers of " + topic).isNotEmpty();
        }
    }

    @Test
    void hospitalsReadOnlyThePublicPartyDirectory() {
        assertThat(TopicAccess.PUBLIC).contains(Topic.PARTY_REGISTERED);
        assertThat(TopicAccess.topicsReadBy(KafkaRole.HOSPITAL))
                .containsExactlyInAnyOrderElementsOf(TopicAccess.PUBLIC.stream()
                        .flatMap(topic -> topic.allNames().stream())
                        .toList());
        assertThat(TopicAccess.topicsReadBy(KafkaRole.HOSPITAL))
                .doesNotContainAnyElementsOf(Topic.STANDING_GRANTS.allNames())
                .doesNotContainAnyElementsOf(Topic.RECORD_RELEASED.allNames())
                .doesNotContainAnyElementsOf(Topic.RECORD_RELEASE_DENIED.allNames())
                .doesNotContainAnyElementsOf(Topic.ACCESS_DECIDED.allNames())
                .doesNotContainAnyElementsOf(Topic.RECORD_COMMITTED.allNames());
    }

    @Test
    void onlyOperatorsWriteVaultCommandsAndOnlyTheVaultAddsToItsProducersOnTopicsCarryingC1() {
        assertThat(TopicAccess.writers(Topic.VAULT_COMMANDS)).containsExactly(KafkaRole.OPERATOR);
        assertThat(TopicAccess.writers(Topic.RECORD_SUBMITTED))
                .containsExactlyInAnyOrder(KafkaRole.HOSPITAL, KafkaRole.GATEWAY, KafkaRole.KEY_VAULT);
        assertThat(TopicAccess.writers(Topic.ERASURE_REQUESTED)).containsExactly(KafkaRole.GATEWAY);
        Arrays.stream(Topic.values())
                .filter(topic -> topic.producer() != ServiceName.CLIENT && !ErasableTopics.carriesC1(topic))
                .forEach(topic -> assertThat(TopicAccess.writers(topic))
                        .as("writers of " + topic)
                        .containsExactly(KafkaRole.of(topic.producer())));
    }

    @Test
    void namesOnePrincipalPerServiceAndPerHospital() {
        assertThat(KafkaRole.KEY_VAULT.principal()).isEqualTo("hrm-key-vault");
        assertThat(KafkaRole.hospitalPrincipal("st-mary")).isEqualTo("hrm-hospital-st-mary");
        assertThat(KafkaRole.hospitalOf("hrm-hospital-st-mary")).contains("st-mary");
        assertThat(KafkaRole.hospitalOf("hrm-gateway")).isEmpty();
        assertThatThrownBy(() -> KafkaRole.hospitalPrincipal("St Mary")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(KafkaRole.HOSPITAL::principal).isInstanceOf(IllegalStateException.class);
    }
}
