package org.hrm.keyvault.adapter.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrm.keyvault.domain.Submission;

/** One consumed record after checking: a submission to seal, or the reason it goes to the dead-letter topic. */
record ParsedRecord(ConsumerRecord<String, byte[]> source, Submission submission, String refusal) {
    static ParsedRecord accepted(ConsumerRecord<String, byte[]> source, Submission submission) {
        return new ParsedRecord(source, submission, null);
    }

    static ParsedRecord refused(ConsumerRecord<String, byte[]> source, String refusal) {
        return new ParsedRecord(source, null, refusal);
    }

    boolean accepted() {
        return submission != null;
    }
}
