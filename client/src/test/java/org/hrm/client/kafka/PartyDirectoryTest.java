package org.hrm.client.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.Topic;
import org.hrm.contracts.authority.AttestationKeys;
import org.hrm.contracts.events.Attestation;
import org.hrm.contracts.events.PartyHistory;
import org.hrm.contracts.events.PartyKeyRotated;
import org.hrm.contracts.events.PartyKind;
import org.hrm.contracts.events.PartyRegistered;
import org.hrm.crypto.P256KeyPair;
import org.junit.jupiter.api.Test;

/** The SDK's directory replays each party's signed history itself and refuses one that does not verify. */
class PartyDirectoryTest {
    private static final String ALICE = "patient-alice";
    private static final Instant T0 = Instant.parse("2026-12-05T09:00:00Z");

    private final EventCodec codec = new EventCodec();
    private final P256KeyPair gateway = P256KeyPair.generate();
    private final AttestationKeys trusted = AttestationKeys.of(Map.of("gateway-1", gateway.publicKey()));
    private final P256KeyPair first = P256KeyPair.generate();
    private final P256KeyPair second = P256KeyPair.generate();
    private final List<String> warnings = new ArrayList<>();
    private long offset;

    @Test
    void takesTheLastKeyOfAHistoryThatVerifies() {
        PartyHistory history = PartyHistory.of(registered(ALICE, first)).with(rotated(first, second));

        PartyDirectory directory = PartyDirectory.of(List.of(value(ALICE, history)), trusted, warnings::add);

        assertThat(directory.publicKey(ALICE)).isEqualTo(second.publicKey());
        assertThat(directory.find(ALICE).orElseThrow().previousKeys())
                .singleElement()
                .isEqualTo(first.publicKey());
        assertThat(warnings).isEmpty();
    }

    @Test
    void refusesATamperedHistoryWithTheReasonAndNeverUsesIt() {
        PartyKeyRotated genuine = rotated(first, second);
        PartyKeyRotated tampered = new PartyKeyRotated(
                ALICE,
                genuine.previousPublicKey(),
                P256KeyPair.generate().publicKey(),
                genuine.rotatedAt(),
                genuine.proofOfPossession(),
                genuine.previousKeySignature(),
                null);
        PartyHistory history = PartyHistory.of(registered(ALICE, first)).with(tampered);

        PartyDirectory directory = PartyDirectory.of(List.of(value(ALICE, history)), trusted, warnings::add);

        assertThat(directory.find(ALICE)).isEmpty();
        assertThatThrownBy(() -> directory.publicKey(ALICE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("party patient-alice is refused by the directory: history of patient-alice does not"
                        + " verify: rotation of patient-alice has no valid proof of possession");
        assertThat(warnings).singleElement().asString().contains("does not verify");
    }

    @Test
    void refusesARegistrationAttestedByAKeyTheClientDoesNotTrust() {
        PartyHistory history = PartyHistory.of(registered(ALICE, first));

        PartyDirectory directory = PartyDirectory.of(
                List.of(value(ALICE, history)),
                AttestationKeys.of(Map.of("gateway-1", P256KeyPair.generate().publicKey())),
                warnings::add);

        assertThat(directory.refusal(ALICE))
                .hasValueSatisfying(
                        reason -> assertThat(reason)
                                .contains(
                                        "registration of patient-alice is not attested: attestation signature does not verify"));
    }

    @Test
    void refusesAHistoryFiledUnderAnotherPartysKey() {
        PartyHistory mallorys = PartyHistory.of(registered("patient-mallory", first));

        PartyDirectory directory = PartyDirectory.of(List.of(value(ALICE, mallorys)), trusted, warnings::add);

        assertThat(directory.find(ALICE)).isEmpty();
        assertThat(directory.refusal(ALICE).orElseThrow()).contains("is filed under patient-alice");
    }

    @Test
    void refusesALatestValueThatRollsTheHistoryBack() {
        PartyRegistered registration = registered(ALICE, first);
        PartyHistory rotated = PartyHistory.of(registration).with(rotated(first, second));

        PartyDirectory directory = PartyDirectory.of(
                List.of(value(ALICE, rotated), value(ALICE, PartyHistory.of(registration))), trusted, warnings::add);

        assertThat(directory.find(ALICE)).as("the older key is never used").isEmpty();
        assertThat(directory.refusal(ALICE).orElseThrow()).contains("rewritten or rolled back");
    }

    @Test
    void takesAGrownHistoryOverTheValueBeforeIt() {
        PartyRegistered registration = registered(ALICE, first);

        PartyDirectory directory = PartyDirectory.of(
                List.of(
                        value(ALICE, PartyHistory.of(registration)),
                        value(ALICE, PartyHistory.of(registration).with(rotated(first, second)))),
                trusted,
                warnings::add);

        assertThat(directory.publicKey(ALICE)).isEqualTo(second.publicKey());
    }

    @Test
    void refusesAValueThatIsNotAHistory() {
        ConsumerRecord<String, byte[]> garbage =
                new ConsumerRecord<>(Topic.PARTY_DIRECTORY.topicName(), 0, offset++, ALICE, "{}".getBytes());

        PartyDirectory directory = PartyDirectory.of(List.of(garbage), trusted, warnings::add);

        assertThat(directory.refusal(ALICE).orElseThrow()).contains("is unreadable");
        assertThatThrownBy(() -> directory.publicKey("patient-nobody"))
                .hasMessage("party patient-nobody is not registered");
    }

    private ConsumerRecord<String, byte[]> value(String key, PartyHistory history) {
        return new ConsumerRecord<>(Topic.PARTY_DIRECTORY.topicName(), 0, offset++, key, codec.encode(history));
    }

    private PartyRegistered registered(String partyId, P256KeyPair key) {
        PartyRegistered proven = new PartyRegistered(
                        partyId, PartyKind.PATIENT, key.publicKey(), null, T0, null, null, null)
                .provenBy(key);
        return proven.withAttestation(Attestation.issue(
                gateway, "gateway-1", partyId, Attestation.REGISTER, proven.signedBytes(), proven.registeredAt()));
    }

    private PartyKeyRotated rotated(P256KeyPair from, P256KeyPair to) {
        return PartyKeyRotated.rotate(ALICE, from, to, T0.plusSeconds(3600));
    }
}
