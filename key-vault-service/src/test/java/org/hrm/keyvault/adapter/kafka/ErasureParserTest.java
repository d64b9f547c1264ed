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
import org.hrm.contracts.events.Attestation;
import org.hrm.contracts.events.ErasureCommitted;
import org.hrm.contracts.events.ErasureRequested;
import org.hrm.contracts.events.Tombstone;
import org.hrm.contracts.events.VaultCommand;
import org.hrm.crypto.P256KeyPair;
import org.hrm.keyvault.TestAuthorities;
import org.hrm.keyvault.domain.ErasureCommit;
import org.hrm.keyvault.domain.ErasureRequest;
import org.hrm.keyvault.domain.RecordDomain;
import org.junit.jupiter.api.Test;

class ErasureParserTest {
    private static final String PATIENT_ERASURES = Topic.ERASURE_REQUESTED.name(Domain.PATIENT);

    private final ErasureParser parser =
            new ErasureParser(new EventCodec(4096), TestAuthorities.withRegistered("patient-1", "doc-1"));
    private final ErasureRequested all =
            request(Domain.PATIENT, "patient-1").signedBy(TestAuthorities.key("patient-1"));

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
        ErasureRequested practitioner = request(Domain.PRACTITIONER, "doc-1").signedBy(TestAuthorities.key("doc-1"));

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
    void refusesAnErasureUnsignedSignedByAnotherKeyOrAttestedByAnUntrustedKey() {
        ErasureRequested draft = request(Domain.PATIENT, "patient-1");
        ErasureRequested byAnotherKey = draft.signedBy(P256KeyPair.generate());
        ErasureRequested byOtherOwner = draft.signedBy(TestAuthorities.key("doc-1"));
        ErasureRequested untrustedAttestation = draft.withAttestation(Attestation.issue(
                P256KeyPair.generate(),
                TestAuthorities.ATTESTER_ID,
                "patient-1",
                Attestation.ERASURE,
                draft.signedBytes(),
                draft.requestedAt()));

        for (ErasureRequested forged : List.of(draft, byAnotherKey, byOtherOwner, untrustedAttestation)) {
            Parsed<ErasureRequest> parsed =
                    parser.requested(consumed(PATIENT_ERASURES, "ErasureRequested", "patient-1", json(forged)));

            assertThat(parsed.accepted()).isFalse();
            assertThat(parsed.refusal())
                    .startsWith("erasure request " + draft.requestId()
                            + " is signed by neither owner patient-1's current key nor a valid attestation");
        }
    }

    @Test
    void acceptsAnErasureAttestedByTheGatewayForAnOwnerWithoutItsKey() {
        ErasureRequested draft = request(Domain.PATIENT, "patient-1");
        ErasureRequested attested = draft.withAttestation(Attestation.issue(
                TestAuthorities.ATTESTER,
                TestAuthorities.ATTESTER_ID,
                "patient-1",
                Attestation.ERASURE,
                draft.signedBytes(),
                draft.requestedAt()));

        assertThat(parser.requested(consumed(PATIENT_ERASURES, "ErasureRequested", "patient-1", json(attested)))
                        .accepted())
                .isTrue();
    }

    @Test
    void runsOnlyACommandSignedByAConfiguredOperator() {
        VaultCommand draft = new VaultCommand(UUID.randomUUID().toString(), "ROTATE", 0, Instant.now(), null, null);
        VaultCommand signed = draft.signedBy(TestAuthorities.OPERATOR_ID, TestAuthorities.OPERATOR);
        VaultCommand forged = draft.signedBy(TestAuthorities.OPERATOR_ID, P256KeyPair.generate());
        VaultCommand stranger = draft.signedBy("mallory", P256KeyPair.generate());

        assertThat(command(signed).accepted()).isTrue();
        assertThat(command(draft).refusal())
                .isEqualTo("vault command " + draft.commandId() + " is not signed by an operator");
        assertThat(command(forged).refusal())
                .isEqualTo("vault command " + draft.commandId() + " is not signed by operator test-operator's key");
        assertThat(command(stranger).refusal())
                .isEqualTo("vault command " + draft.commandId()
                        + ": operator mallory is not one of this vault's operators");
    }

    private Parsed<VaultCommand> command(VaultCommand command) {
        return parser.command(consumed(Topic.VAULT_COMMANDS.topicName(), "VaultCommand", "k", json(command)));
    }

    private static ErasureRequested request(Domain domain, String ownerId) {
        return new ErasureRequested(UUID.randomUUID().toString(), domain, ownerId, null, Instant.now(), null, null);
    }

    @Test
    void refusesAnUnknownVaultCommand() {
        String rotate = new String(json(new VaultCommand(UUID.randomUUID().toString(), "ROTATE", 0, Instant.now())
                .signedBy(TestAuthorities.OPERATOR_ID, TestAuthorities.OPERATOR)));
        String unknown = rotate.replace("ROTATE", "DESTROY_EVERYTHING");

        Parsed<VaultCommand> parsed =
                parser.command(consumed(Topic.VAULT_COMMANDS.topicName(), "VaultCommand", "k", utf8(unknown)));

        assertThat(parsed.refusal()).contains("command must be ROTATE or RETIRE");
    }
}
