package org.hrm.keyvault.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hrm.keyvault.TestEvents.consumed;
import static org.hrm.keyvault.TestEvents.json;
import static org.hrm.keyvault.TestEvents.utf8;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.ErasureCommitted;
import org.hrm.contracts.events.ErasureRequested;
import org.hrm.contracts.events.Tombstone;
import org.hrm.contracts.events.VaultCommand;
import org.hrm.keyvault.domain.ErasureCommit;
import org.hrm.keyvault.domain.ErasureRequest;
import org.hrm.keyvault.domain.RecordDomain;
import org.junit.jupiter.api.Test;

class ErasureParserTest {
    private static final String PATIENT_ERASURES = Topic.ERASURE_REQUESTED.name(Domain.PATIENT);

    private final ErasureParser parser = new ErasureParser(new EventCodec(4096));
    private final ErasureRequested all =
            new ErasureRequested(UUID.randomUUID().toString(), Domain.PATIENT, "patient-1", null, Instant.now());

    @Test
    void acceptsAnErasureOfAllRecordsAndMapsItToTheVaultsDomain() {
        Parsed<ErasureRequest> parsed =
                parser.requested(consumed(PATIENT_ERASURES, "ErasureRequested", "patient-1", json(all)));

        assertThat(parsed.accepted()).isTrue();
        assertThat(parsed.value().allRecords()).isTrue();
        assertThat(parsed.value().domain()).isEqualTo(RecordDomain.PATIENT);
        assertThat(parsed.value().ownerId()).isEqualTo("patient-1");
    }

    @Test
    void refusesAnErasureOnTheOtherDomainsTopicAMalformedOneAndAnotherType() {
        ErasureRequested practitioner =
                new ErasureRequested(UUID.randomUUID().toString(), Domain.PRACTITIONER, "doc-1", null, Instant.now());

        assertThat(parser.requested(consumed(PATIENT_ERASURES, "ErasureRequested", "k", json(practitioner)))
                        .refusal())
                .startsWith("domain mismatch: topic hrm.patient.erasure-requested");
        assertThat(parser.requested(consumed(PATIENT_ERASURES, "ErasureRequested", "k", utf8("{\"requestId\": [")))
                        .refusal())
                .startsWith("malformed ErasureRequested");
        assertThat(parser.requested(consumed(PATIENT_ERASURES, "KeysDestroyed", "k", json(all)))
                        .refusal())
                .isEqualTo("unknown event type 'KeysDestroyed'");
    }

    @Test
    void mapsACommittedErasureWithItsTombstones() {
        ErasureCommitted committed = new ErasureCommitted(
                UUID.randomUUID().toString(),
                Domain.PRACTITIONER,
                "doc-1",
                "0x5fbdb2315678afecb367f032d93f642f64180aa3",
                List.of(new Tombstone(UUID.randomUUID().toString(), "0xabc", 12, 3)),
                Instant.now());

        Parsed<ErasureCommit> parsed = parser.committed(consumed(
                Topic.ERASURE_COMMITTED.name(Domain.PRACTITIONER), "ErasureCommitted", "doc-1", json(committed)));

        assertThat(parsed.value().domain()).isEqualTo(RecordDomain.PRACTITIONER);
        assertThat(parsed.value().tombstones()).singleElement().satisfies(t -> {
            assertThat(t.blockNumber()).isEqualTo(12);
            assertThat(t.logIndex()).isEqualTo(3);
        });
    }

    @Test
    void refusesAnUnknownVaultCommand() {
        String rotate = new String(json(new VaultCommand(UUID.randomUUID().toString(), "ROTATE", 0, Instant.now())));
        String unknown = rotate.replace("ROTATE", "DESTROY_EVERYTHING");

        Parsed<VaultCommand> parsed =
                parser.command(consumed(Topic.VAULT_COMMANDS.topicName(), "VaultCommand", "k", utf8(unknown)));

        assertThat(parsed.refusal()).contains("command must be ROTATE, RETIRE or ROTATE_PSEUDONYM");
    }
}
