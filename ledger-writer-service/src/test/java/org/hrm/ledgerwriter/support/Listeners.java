package org.hrm.ledgerwriter.support;

import org.hrm.contracts.Topic;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.utils.ContainerTestUtils;

/**
 * Waits until every listener container owns all their partitions before a test publishes: the service
 * creates its topics at start, and an idempotent producer that writes to a partition still being
 * created can get its first batch refused, its second accepted, and then retry the first for ever
 * (OUT_OF_ORDER_SEQUENCE_NUMBER).
 */
public final class Listeners {
    private Listeners() {}

    public static void awaitAssigned(KafkaListenerEndpointRegistry registry, int partitionsPerTopic) {
        ContainerTestUtils.waitForAssignment(
                registry.getListenerContainer("ledger-writer"),
                Topic.RECORD_SEALED.allNames().size() * partitionsPerTopic);
        ContainerTestUtils.waitForAssignment(
                registry.getListenerContainer("ledger-writer-consent"),
                (Topic.CONSENT_GRANTED.allNames().size()
                                + Topic.CONSENT_REVOKED.allNames().size())
                        * partitionsPerTopic);
        ContainerTestUtils.waitForAssignment(
                registry.getListenerContainer("ledger-writer-erasure"),
                Topic.KEYS_DESTROYED.allNames().size() * partitionsPerTopic);
        ContainerTestUtils.waitForAssignment(
                registry.getListenerContainer("ledger-writer-parties"), partitionsPerTopic);
    }
}
