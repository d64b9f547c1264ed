package org.hrm.keyvault.adapter.kafka;

import static org.hrm.keyvault.TestEvents.SUBMITTED_TYPE;
import static org.hrm.keyvault.TestEvents.consumed;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.Topic;

/**
 * Jazzer fuzz test of the vault's submission parser: any bytes on a record-submitted topic are refused with a reason
 * or accepted as a well-formed submission; the parser never throws (a throw would stall the partition). The seed
 * corpus is the frozen {@code RecordSubmitted} fixture (mapped into place by the pom) and one submission the vault
 * accepts; {@code JAZZER_FUZZ=1} fuzzes (docs/reliability.md, Fuzzing).
 */
class SubmissionParserFuzzTest {
    private static final String TOPIC = Topic.RECORD_SUBMITTED.name(Domain.PATIENT);

    private final SubmissionParser parser = new SubmissionParser(new EventCodec());

    @FuzzTest
    void aSubmissionIsRefusedWithAReasonOrAcceptedWhole(byte[] json) {
        ParsedRecord parsed = parser.parse(consumed(TOPIC, SUBMITTED_TYPE, "key", json));

        SubmissionParserMutationTest.assertRefusedWithAReasonOrAcceptedWhole(parsed);
    }
}
