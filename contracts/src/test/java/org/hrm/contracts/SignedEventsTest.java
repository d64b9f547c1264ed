package org.hrm.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import org.hrm.contracts.events.AccessRequested;
import org.hrm.contracts.events.Attestation;
import org.hrm.contracts.events.ErasureRequested;
import org.hrm.contracts.events.KeysDestroyed;
import org.hrm.contracts.events.PartyKeyRotated;
import org.hrm.contracts.events.PartyRegistered;
import org.hrm.contracts.events.RecordSealed;
import org.hrm.contracts.events.VaultCommand;
import org.hrm.crypto.P256KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every v2 authority event: its signature verifies for the signer, fails for any other key, and breaks when any one
 * field it covers changes (every field but the signatures and the attestation, nested list elements included).
 */
class SignedEventsTest {
    /** The fields a signature cannot cover: the signatures themselves and the attestation (bound by digest). */
    private static final Set<String> NOT_SIGNED = Set.of(
            "proofOfPossession",
            "attestation",
            "institutionSignature",
            "previousKeySignature",
            "requesterSignature",
            "ownerSignature",
            "vaultSignature",
            "operatorSignature",
            "signature");

    private static final P256KeyPair STRANGER = P256KeyPair.generate();

    /** For each type: its signed fixture, and whether a given event's signature verifies under a given key. */
    private static final Map<String, Check> CHECKS = Map.of(
            "PartyRegistered",
            new Check(
                    AuthorityFixtures.partyRegistered(),
                    AuthorityFixtures.DR_CHEN,
                    (event, key) -> ((PartyRegistered) event).possessionProven()
                            && Arrays.equals(((PartyRegistered) event).publicKey(), key)),
            "PartyKeyRotated",
            new Check(
                    AuthorityFixtures.partyKeyRotated(),
                    AuthorityFixtures.DR_CHEN,
                    (event, key) -> ((PartyKeyRotated) event).signedByPreviousKey()
                            && ((PartyKeyRotated) event).possessionProven()
                            && Arrays.equals(((PartyKeyRotated) event).previousPublicKey(), key)),
            "RecordSealed",
            new Check(
                    AuthorityFixtures.recordSealed(),
                    AuthorityFixtures.VAULT,
                    (event, key) -> ((RecordSealed) event).signedBy(key)),
            "AccessRequested",
            new Check(
                    AuthorityFixtures.accessRequested(),
                    AuthorityFixtures.DR_CHEN,
                    (event, key) -> ((AccessRequested) event).signedBy(key)),
            "ErasureRequested",
            new Check(
                    AuthorityFixtures.erasureRequested(),
                    AuthorityFixtures.ALICE,
                    (event, key) -> ((ErasureRequested) event).signedBy(key)),
            "KeysDestroyed",
            new Check(
                    AuthorityFixtures.keysDestroyed(),
                    AuthorityFixtures.VAULT,
                    (event, key) -> ((KeysDestroyed) event).signedBy(key)),
            "VaultCommand",
            new Check(
                    AuthorityFixtures.vaultCommand(),
                    AuthorityFixtures.OPERATOR,
                    (event, key) -> ((VaultCommand) event).signedBy(key)));

    private record Check(Object event, P256KeyPair signer, BiPredicate<Object, byte[]> verifies) {}

    @ParameterizedTest
    @ValueSource(
            strings = {
                "PartyRegistered",
                "PartyKeyRotated",
                "RecordSealed",
                "AccessRequested",
                "ErasureRequested",
                "KeysDestroyed",
                "VaultCommand"
            })
    void theSignerVerifiesAndAStrangerDoesNot(String type) {
        Check check = CHECKS.get(type);

        assertThat(check.verifies().test(check.event(), check.signer().publicKey()))
                .isTrue();
        assertThat(check.verifies().test(check.event(), STRANGER.publicKey())).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "PartyRegistered",
                "PartyKeyRotated",
                "RecordSealed",
                "AccessRequested",
                "ErasureRequested",
                "KeysDestroyed",
                "VaultCommand"
            })
    void changingAnyOneSignedFieldBreaksTheSignature(String type) throws ReflectiveOperationException {
        Check check = CHECKS.get(type);
        List<Variant> variants = variants(check.event());

        assertThat(variants).hasSizeGreaterThanOrEqualTo(4);
        for (Variant variant : variants) {
            assertThat(signedBytes(variant.event()))
                    .as("%s with %s changed", type, variant.field())
                    .isNotEqualTo(signedBytes(check.event()));
            assertThat(check.verifies().test(variant.event(), check.signer().publicKey()))
                    .as("%s with %s changed still verifies", type, variant.field())
                    .isFalse();
        }
    }

    @Test
    void theInstitutionsVouchCoversPartyKindInstitutionAndKey() throws ReflectiveOperationException {
        PartyRegistered registered = AuthorityFixtures.partyRegistered();
        assertThat(registered.vouchedFor(AuthorityFixtures.ST_MARY.publicKey())).isTrue();
        assertThat(registered.vouchedFor(STRANGER.publicKey())).isFalse();

        for (Variant variant : variants(registered)) {
            PartyRegistered changed = (PartyRegistered) variant.event();
            boolean vouchedField =
                    Set.of("partyId", "kind", "institutionId", "publicKey").contains(variant.field());
            assertThat(changed.vouchedFor(AuthorityFixtures.ST_MARY.publicKey()))
                    .as("vouch with %s changed", variant.field())
                    .isEqualTo(!vouchedField);
        }
    }

    @Test
    void theAttestationCoversEveryFieldButItsSignature() throws ReflectiveOperationException {
        Attestation attestation = AuthorityFixtures.partyRegistered().attestation();
        assertThat(attestation.signedBy(AuthorityFixtures.GATEWAY.publicKey())).isTrue();
        assertThat(attestation.signedBy(STRANGER.publicKey())).isFalse();

        for (Variant variant : variants(attestation)) {
            assertThat(((Attestation) variant.event()).signedBy(AuthorityFixtures.GATEWAY.publicKey()))
                    .as("attestation with %s changed", variant.field())
                    .isFalse();
        }
    }

    @Test
    void onlyTheKeyBeingProvenCanMakeTheProofOfPossession() {
        PartyRegistered registered = AuthorityFixtures.partyRegistered();

        assertThatThrownBy(() -> registered.provenBy(STRANGER)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PartyKeyRotated.draft(
                                "p",
                                AuthorityFixtures.DR_CHEN.publicKey(),
                                AuthorityFixtures.DR_CHEN_NEXT.publicKey(),
                                Instant.EPOCH)
                        .provenBy(STRANGER))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @SuppressWarnings("removal")
    void theUnsignedV1FormVerifiesForNobody() {
        PartyRegistered registered = AuthorityFixtures.partyRegistered();
        PartyRegistered v1 = new PartyRegistered(
                registered.partyId(),
                registered.kind(),
                registered.publicKey(),
                registered.institutionId(),
                registered.registeredAt());
        ErasureRequested erasure = AuthorityFixtures.erasureRequested();
        ErasureRequested unsignedErasure = new ErasureRequested(
                erasure.requestId(), erasure.domain(), erasure.ownerId(), erasure.recordId(), erasure.requestedAt());
        VaultCommand command = AuthorityFixtures.vaultCommand();

        assertThat(v1.possessionProven()).isFalse();
        assertThat(v1.vouchedFor(AuthorityFixtures.ST_MARY.publicKey())).isFalse();
        assertThat(unsignedErasure.signedBy(AuthorityFixtures.ALICE.publicKey()))
                .isFalse();
        assertThat(new VaultCommand(command.commandId(), command.command(), command.version(), command.issuedAt())
                        .signedBy(AuthorityFixtures.OPERATOR.publicKey()))
                .isFalse();
    }

    @Test
    void signaturesAreExactly64BytesWhenPresent() {
        ErasureRequested erasure = AuthorityFixtures.erasureRequested();

        assertThatThrownBy(() -> new ErasureRequested(
                        erasure.requestId(),
                        erasure.domain(),
                        erasure.ownerId(),
                        erasure.recordId(),
                        erasure.requestedAt(),
                        new byte[63],
                        null))
                .hasMessageContaining("ownerSignature must be 64 bytes");
    }

    private record Variant(String field, Object event) {}

    /** Every copy of {@code event} with exactly one signed field (or one field of one list element) changed. */
    static List<Variant> variants(Object event) throws ReflectiveOperationException {
        List<Variant> variants = new ArrayList<>();
        RecordComponent[] components = event.getClass().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            if (NOT_SIGNED.contains(name)) {
                continue;
            }
            Object value = components[i].getAccessor().invoke(event);
            for (Object changed : changes(value, components[i].getType())) {
                variants.add(new Variant(name, with(event, i, changed)));
            }
        }
        return variants;
    }

    private static List<Object> changes(Object value, Class<?> type) throws ReflectiveOperationException {
        if (type == String.class) {
            return List.of(value == null ? "added" : changedText((String) value));
        }
        if (type == Instant.class) {
            return List.of(((Instant) value).plusSeconds(1));
        }
        if (type == byte[].class) {
            byte[] bytes = ((byte[]) value).clone();
            bytes[bytes.length - 1] ^= 1;
            return List.of(bytes);
        }
        if (type == boolean.class) {
            return List.of(!(Boolean) value);
        }
        if (type == int.class) {
            return List.of((Integer) value + 1);
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return List.of(constants[(((Enum<?>) value).ordinal() + 1) % constants.length]);
        }
        if (List.class.isAssignableFrom(type)) {
            List<?> list = (List<?>) value;
            List<Object> changes = new ArrayList<>();
            changes.add(list.subList(0, list.size() - 1));
            List<Object> twice = new ArrayList<>(list);
            twice.add(list.get(list.size() - 1));
            changes.add(twice);
            for (int at = 0; at < list.size(); at++) {
                for (Variant inner : variants(list.get(at))) {
                    List<Object> one = new ArrayList<>(list);
                    one.set(at, inner.event());
                    changes.add(one);
                }
            }
            return changes.stream()
                    .filter(changed -> !((List<?>) changed).isEmpty() || type != List.class)
                    .toList();
        }
        throw new IllegalArgumentException("no change defined for " + type);
    }

    /** A UUID stays a UUID (its last hex digit changes), a command stays a command; other text gets a character more. */
    private static String changedText(String text) {
        if (text.equals("ROTATE") || text.equals("RETIRE")) {
            return text.equals("ROTATE") ? "RETIRE" : "ROTATE";
        }
        if (text.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            char last = text.charAt(text.length() - 1);
            return text.substring(0, text.length() - 1) + (last == '0' ? '1' : '0');
        }
        return text + "x";
    }

    private static Object with(Object event, int index, Object value) throws ReflectiveOperationException {
        RecordComponent[] components = event.getClass().getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            args[i] = i == index ? value : components[i].getAccessor().invoke(event);
            types[i] = components[i].getType();
        }
        Constructor<?> canonical = event.getClass().getDeclaredConstructor(types);
        return canonical.newInstance(args);
    }

    private static byte[] signedBytes(Object event) throws ReflectiveOperationException {
        return (byte[]) event.getClass().getMethod("signedBytes").invoke(event);
    }
}
