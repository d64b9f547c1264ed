package org.hrm.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicTest {

    @Test
    void namesRecordTopicsPerDomain() {
        assertThat(Topic.RECORD_SUBMITTED.name(Domain.PATIENT)).isEqualTo("hrm.patient.record-submitted");
        assertThat(Topic.RECORD_SEALED.domainOf("hrm.practitioner.record-sealed"))
                .contains(Domain.PRACTITIONER);
        assertThat(Topic.RECORD_SEALED.domainOf("hrm.patient.record-submitted")).isEmpty();
    }

    @Test
    void everyTopicNameIsUniqueAndHasOneProducer() {
        List<String> names = Arrays.stream(Topic.values())
                .flatMap(topic -> topic.allNames().stream())
                .toList();

        assertThat(new HashSet<>(names)).hasSameSizeAs(names);
        assertThat(Topic.values())
                .allSatisfy(topic -> assertThat(topic.producer()).isNotNull());
    }

    @Test
    void eachServiceHasItsOwnHeartbeatTopic() {
        assertThat(Topic.heartbeatsOf(ServiceName.LEDGER_WRITER))
                .contains(Topic.LEDGER_WRITER_HEARTBEATS)
                .get()
                .extracting(Topic::topicName)
                .isEqualTo("hrm.ops.heartbeats.ledger-writer");
        assertThat(Topic.heartbeatsOf(ServiceName.KEY_VAULT)).contains(Topic.KEY_VAULT_HEARTBEATS);
        assertThat(Topic.heartbeatsOf(ServiceName.CLIENT)).isEmpty();
    }
}
