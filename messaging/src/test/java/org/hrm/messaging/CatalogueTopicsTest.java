package org.hrm.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.hrm.contracts.Domain;
import org.hrm.contracts.Topic;
import org.junit.jupiter.api.Test;

class CatalogueTopicsTest {

    @Test
    void createsEveryDomainsTopicWithTheCataloguePolicy() {
        Map<String, NewTopic> topics =
                byName(CatalogueTopics.list(3, (short) 2, Topic.RECORD_SUBMITTED, Topic.STANDING_GRANTS, Topic.AUDIT));

        assertThat(topics)
                .containsOnlyKeys(
                        "hrm.patient.record-submitted",
                        "hrm.practitioner.record-submitted",
                        "hrm.patient.standing-grants",
                        "hrm.practitioner.standing-grants",
                        "hrm.ops.audit");
        NewTopic submitted = topics.get(Topic.RECORD_SUBMITTED.name(Domain.PRACTITIONER));
        assertThat(submitted.configs())
                .isEqualTo(Topic.RECORD_SUBMITTED.policy().config());
        assertThat(submitted.configs()).containsEntry("cleanup.policy", "compact,delete");
        assertThat(submitted.numPartitions()).isEqualTo(3);
        assertThat(submitted.replicationFactor()).isEqualTo((short) 2);
        assertThat(topics.get("hrm.patient.standing-grants").configs()).containsEntry("cleanup.policy", "compact");
        assertThat(topics.get("hrm.ops.audit").configs()).containsEntry("retention.ms", "189216000000");
    }

    @Test
    void aTopicTheCatalogueGivesOnePartitionGetsOneWhateverTheServiceAsks() {
        NewTopic commands = CatalogueTopics.newTopic(
                Topic.VAULT_COMMANDS, Topic.VAULT_COMMANDS.topicName(), 6, CatalogueTopics.BROKER_DEFAULT_REPLICAS);

        assertThat(commands.numPartitions()).isEqualTo(1);
        assertThat(commands.replicationFactor()).as("the broker's default").isEqualTo((short) -1);
    }

    @Test
    void refusesANameThatIsNotTheEntrys() {
        assertThatThrownBy(() -> CatalogueTopics.newTopic(
                        Topic.RECORD_SEALED, Topic.RECORD_SUBMITTED.name(Domain.PATIENT), 3, (short) 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, NewTopic> byName(List<NewTopic> topics) {
        return topics.stream().collect(Collectors.toMap(NewTopic::name, Function.identity()));
    }
}
