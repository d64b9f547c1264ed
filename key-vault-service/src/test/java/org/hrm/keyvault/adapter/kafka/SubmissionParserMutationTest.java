package org.hrm.keyvault.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hrm.keyvault.TestEvents.SUBMITTED_TYPE;
import static org.hrm.keyvault.TestEvents.consumed;
import static org.hrm.keyvault.TestEvents.json;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.Topic;
import org.hrm.keyvault.TestEvents;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded mutations of a valid submission through the vault's parser: it never throws (a throw would stall the
 * partition); what it refuses carries a reason, and what it accepts is a well-formed submission.
 */
class SubmissionParserMutationTest {
    private static final long SEED = 20261125L;
    private static final String TOPIC = Topic.RECORD_SUBMITTED.name(Domain.PATIENT);
    private static final byte[] VALID = json(TestEvents.submitted(Domain.PATIENT, "patient-1"));

    private final SubmissionParser parser = new SubmissionParser(new EventCodec());

    @ParameterizedTest(name = "mutant {0}")
    @MethodSource("mutants")
    void aMutatedSubmissionIsRefusedWithAReasonOrAcceptedWhole(int mutant, byte[] bytes) {
        ParsedRecord parsed = parser.parse(consumed(TOPIC, SUBMITTED_TYPE, "key", bytes));

        assertRefusedWithAReasonOrAcceptedWhole(parsed);
    }

    /** The parser's property, shared with {@link SubmissionParserFuzzTest}. */
    static void assertRefusedWithAReasonOrAcceptedWhole(ParsedRecord parsed) {
        if (parsed.accepted()) {
            assertThat(parsed.submission().shares()).isNotEmpty();
            assertThat(parsed.submission().innerCiphertext()).isNotEmpty();
        } else {
            assertThat(parsed.refusal()).isNotBlank();
        }
    }

    static Stream<Arguments> mutants() {
        Random random = new Random(SEED);
        List<Arguments> all = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            byte[] mutant = VALID.clone();
            switch (i % 3) {
                case 0 -> mutant[random.nextInt(mutant.length)] ^= (byte) (1 << random.nextInt(8));
                case 1 -> mutant = Arrays.copyOf(mutant, random.nextInt(mutant.length));
                default -> {
                    int at = random.nextInt(mutant.length);
                    mutant[at] = (byte) "{}[],:\"0\\".charAt(random.nextInt(9));
                }
            }
            all.add(Arguments.of(i, mutant));
        }
        return all.stream();
    }
}
