package org.hrm.consent.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.hrm.consent.ConsentEvents;
import org.hrm.consent.TestKeys;
import org.hrm.consent.adapter.kafka.DirectoryEvents;
import org.hrm.consent.domain.Party;
import org.hrm.contracts.authority.AttestationKeys;
import org.hrm.contracts.authority.DirectoryRules;
import org.hrm.contracts.authority.PartyHistories;
import org.hrm.contracts.events.Attestation;
import org.hrm.contracts.events.PartyHistory;
import org.hrm.contracts.events.PartyKeyRotated;
import org.hrm.contracts.events.PartyKind;
import org.hrm.contracts.events.PartyRegistered;
import org.hrm.crypto.P256KeyPair;
import org.junit.jupiter.api.Test;

/** The directory as consent-service keeps it: what each registration and rotation does to the stored party. */
class PartyRegistrationTest {
    private final InMemoryStores stores = new InMemoryStores();
    private final DirectoryRules rules = new DirectoryRules(
            AttestationKeys.of(Map.of(ConsentEvents.TEST_GATEWAY_KEY_ID, ConsentEvents.TEST_GATEWAY.publicKey())));
    private final DirectoryEvents events = new DirectoryEvents(rules);
    private final PartyRegistration parties = new PartyRegistration(stores.partyStore);
    private final TestKeys aliceKeys = TestKeys.generate();

    @Test
    void storesAnAttestedRegistration() {
        assertThat(register(ConsentEvents.registered("alice", PartyKind.PATIENT, aliceKeys, null)))
                .isEmpty();

        Party stored = stores.parties.get("alice");
        assertThat(stored.publicKey()).isEqualTo(aliceKeys.publicKey());
        assertThat(stored.attested()).isTrue();
    }

    @Test
    void refusesAnUnattestedRegistrationAndStoresNothing() {
        assertThat(register(ConsentEvents.unattested("alice", PartyKind.PATIENT, aliceKeys, null)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("not attested"));
        assertThat(stores.parties).doesNotContainKey("alice");
    }

    @Test
    void refusesARegistrationAttestedForAnotherSubject() {
        PartyRegistered proven = ConsentEvents.unattested("alice", PartyKind.PATIENT, aliceKeys, null);
        PartyRegistered squat = proven.withAttestation(ConsentEvents.attestation(
                "mallory", Attestation.REGISTER, proven.signedBytes(), proven.registeredAt()));

        assertThat(register(squat))
                .hasValueSatisfying(reason -> assertThat(reason).contains("is for mallory"));
        assertThat(stores.parties).doesNotContainKey("alice");
    }

    @Test
    void refusesARegistrationAttestedByAnUntrustedKey() {
        PartyRegistered proven = ConsentEvents.unattested("alice", PartyKind.PATIENT, aliceKeys, null);
        PartyRegistered forged = proven.withAttestation(Attestation.issue(
                P256KeyPair.generate(),
                ConsentEvents.TEST_GATEWAY_KEY_ID,
                "alice",
                Attestation.REGISTER,
                proven.signedBytes(),
                proven.registeredAt()));

        assertThat(register(forged))
                .hasValueSatisfying(reason -> assertThat(reason).contains("signature does not verify"));
    }

    @Test
    void refusesASquatterOnAnAttestedParty() {
        register(ConsentEvents.registered("alice", PartyKind.PATIENT, aliceKeys, null));

        assertThat(register(ConsentEvents.registered("alice", PartyKind.PATIENT, TestKeys.generate(), null)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("already registered"));
        assertThat(stores.parties.get("alice").publicKey()).isEqualTo(aliceKeys.publicKey());
    }

    @Test
    void anAttestedRegistrationReplacesAnUnsignedV1EntryAndKeepsItsKeyAsHistory() {
        byte[] squatterKey = TestKeys.generate().publicKey();
        stores.parties.put(
                "alice",
                new Party(
                        "alice",
                        org.hrm.consent.domain.PartyKind.PATIENT,
                        squatterKey,
                        null,
                        Instant.EPOCH,
                        false,
                        java.util.List.of()));

        assertThat(register(ConsentEvents.registered("alice", PartyKind.PATIENT, aliceKeys, null)))
                .isEmpty();

        Party stored = stores.parties.get("alice");
        assertThat(stored.publicKey()).isEqualTo(aliceKeys.publicKey());
        assertThat(stored.previousKeys()).singleElement().isEqualTo(squatterKey);
    }

    @Test
    void refusesAPractitionerWhoseInstitutionDidNotVouch() {
        register(ConsentEvents.registered("hospital-x", PartyKind.SYSTEM, TestKeys.generate(), null));
        PartyRegistered proven =
                ConsentEvents.registered("dr-x", PartyKind.PRACTITIONER, TestKeys.generate(), "hospital-x");
        PartyRegistered unvouched = new PartyRegistered(
                "dr-x",
                PartyKind.PRACTITIONER,
                proven.publicKey(),
                "hospital-x",
                proven.registeredAt(),
                proven.proofOfPossession(),
                proven.attestation(),
                null);

        assertThat(register(unvouched))
                .hasValueSatisfying(reason -> assertThat(reason).contains("not vouched for"));
        assertThat(register(ConsentEvents.registered(
                        "dr-y", PartyKind.PRACTITIONER, TestKeys.generate(), "hospital-unknown")))
                .hasValueSatisfying(reason -> assertThat(reason).contains("is not registered"));
        assertThat(stores.parties).doesNotContainKeys("dr-x", "dr-y");
    }

    @Test
    void acceptsAPractitionerVouchedForByItsInstitution() {
        register(ConsentEvents.registered("hospital-z", PartyKind.SYSTEM, TestKeys.generate(), null));

        assertThat(register(
                        ConsentEvents.registered("dr-z", PartyKind.PRACTITIONER, TestKeys.generate(), "hospital-z")))
                .isEmpty();
    }

    @Test
    void rotatesWithTheOldKeyAndKeepsTheOldKeyInHistory() {
        P256KeyPair old = P256KeyPair.generate();
        P256KeyPair fresh = P256KeyPair.generate();
        registerWith("carol", old);

        assertThat(rotate(PartyKeyRotated.rotate(
                        "carol", old, fresh, Instant.now().plusSeconds(1))))
                .isEmpty();

        Party stored = stores.parties.get("carol");
        assertThat(stored.publicKey()).isEqualTo(fresh.publicKey());
        assertThat(stored.previousKeys()).singleElement().isEqualTo(old.publicKey());
    }

    @Test
    void refusesARotationSignedByAnotherKeyAndKeepsTheCurrentKey() {
        P256KeyPair old = P256KeyPair.generate();
        registerWith("dave", old);
        P256KeyPair attacker = P256KeyPair.generate();
        PartyKeyRotated forged = PartyKeyRotated.draft(
                        "dave",
                        old.publicKey(),
                        attacker.publicKey(),
                        Instant.now().plusSeconds(1))
                .provenBy(attacker);

        assertThat(rotate(forged))
                .hasValueSatisfying(reason -> assertThat(reason).contains("signed by neither"));
        assertThat(stores.parties.get("dave").publicKey()).isEqualTo(old.publicKey());
    }

    @Test
    void rotatesALostKeyWithAFreshAttestation() {
        P256KeyPair lost = P256KeyPair.generate();
        registerWith("erin", lost);
        P256KeyPair fresh = P256KeyPair.generate();
        Instant at = Instant.now().plus(Duration.ofSeconds(1));
        PartyKeyRotated proven = PartyKeyRotated.draft("erin", lost.publicKey(), fresh.publicKey(), at)
                .provenBy(fresh);

        assertThat(rotate(proven.withAttestation(
                        ConsentEvents.attestation("erin", Attestation.ROTATE_KEY, proven.signedBytes(), at))))
                .isEmpty();
        assertThat(stores.parties.get("erin").publicKey()).isEqualTo(fresh.publicKey());
    }

    @Test
    void keepsTheSignedRegistrationAndEveryRotationAsTheHistoryItPublishes() {
        P256KeyPair old = P256KeyPair.generate();
        P256KeyPair fresh = P256KeyPair.generate();
        PartyRegistered registered = registerWith("fay", old);
        PartyKeyRotated rotated =
                PartyKeyRotated.rotate("fay", old, fresh, Instant.now().plusSeconds(1));

        assertThat(rotate(rotated)).isEmpty();

        PartyHistory history = history("fay");
        assertThat(history.registration()).usingRecursiveComparison().isEqualTo(registered);
        assertThat(history.rotations())
                .singleElement()
                .usingRecursiveComparison()
                .isEqualTo(rotated);
        assertThat(new PartyHistories(rules)
                        .verify(history, id -> Optional.empty())
                        .entry()
                        .publicKey())
                .isEqualTo(fresh.publicKey());
    }

    @Test
    void aRepeatedRegistrationKeepsTheHistoryAsItWas() {
        P256KeyPair key = P256KeyPair.generate();
        PartyRegistered first = registerWith("gil", key);
        SignedHistory before = parties.history("gil").orElseThrow();

        registerWith("gil", key);

        assertThat(parties.history("gil")).contains(before);
        assertThat(events.history(before).registration())
                .usingRecursiveComparison()
                .isEqualTo(first);
    }

    @Test
    void aRefusedRotationLeavesTheHistoryUnchanged() {
        P256KeyPair old = P256KeyPair.generate();
        registerWith("hal", old);
        P256KeyPair attacker = P256KeyPair.generate();

        rotate(PartyKeyRotated.rotate("hal", attacker, P256KeyPair.generate(), Instant.now()));

        assertThat(history("hal").rotations()).isEmpty();
    }

    @Test
    void aPartyStoredWithoutAHistoryGetsOneFromItsNextRegistration() {
        P256KeyPair key = P256KeyPair.generate();
        registerWith("ida", key);
        stores.histories.remove("ida");

        PartyRegistered again = registerWith("ida", key);

        assertThat(history("ida").registration()).usingRecursiveComparison().isEqualTo(again);
    }

    private Optional<String> register(PartyRegistered event) {
        return parties.register(events.registration(event));
    }

    private Optional<String> rotate(PartyKeyRotated event) {
        return parties.rotate(events.rotation(event));
    }

    private PartyHistory history(String partyId) {
        return events.history(parties.history(partyId).orElseThrow());
    }

    private PartyRegistered registerWith(String partyId, P256KeyPair key) {
        PartyRegistered proven = new PartyRegistered(
                        partyId, PartyKind.PATIENT, key.publicKey(), null, Instant.now(), null, null, null)
                .provenBy(key);
        PartyRegistered attested = proven.withAttestation(
                ConsentEvents.attestation(partyId, Attestation.REGISTER, proven.signedBytes(), proven.registeredAt()));
        assertThat(register(attested)).isEmpty();
        return attested;
    }
}
