package org.hrm.keyvault.adapter.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrm.keyvault.domain.ReleaseDecision;

/** One consumed AccessDecided after checking: a decision to act on, or the reason it goes to the dead-letter topic. */
record ParsedDecision(ConsumerRecord<String, byte[]> source, ReleaseDecision decision, String refusal) {
    static ParsedDecision accepted(ConsumerRecord<String, byte[]> source, ReleaseDecision decision) {
        return new ParsedDecision(source, decision, null);
    }

    static ParsedDecision refused(ConsumerRecord<String, byte[]> source, String refusal) {
        return new ParsedDecision(source, null, refusal);
    }

    boolean accepted() {
        return decision != null;
    }
}
