package org.hrm.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.hrm.contracts.authority.AttestationKeys;
import org.hrm.contracts.authority.AttestationRule;
import org.hrm.contracts.authority.DirectoryDecision;
import org.hrm.contracts.authority.DirectoryEntry;
import org.hrm.contracts.authority.DirectoryRules;
import org.hrm.contracts.authority.RequestRules;
import org.hrm.contracts.events.AccessDecided;
import org.hrm.contracts.events.AccessRequested;
import org.hrm.contracts.events.Attestation;
import org.hrm.contracts.events.ConsentGranted;
import org.hrm.contracts.events.ConsentRevoked;
import org.hrm.contracts.events.ErasureReceipt;
import org.hrm.contracts.events.ErasureRequested;
import org.hrm.contracts.events.KeysDestroyed;
import org.hrm.contracts.events.PartyKeyRotated;
import org.hrm.contracts.events.PartyRegistered;
import org.hrm.contracts.events.RecordSealed;
import org.hrm.contracts.events.VaultCommand;
import org.hrm.crypto.Ecdsa;
import org.hrm.crypto.P256KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The signed events of docs/wire-format/vectors (derived in Python from docs/wire-format/authority-events.md alone):
 * Java decodes each vector's event JSON, computes the same canonical bytes, makes the same deterministic signatures
 * with the vector's keys, and its authority rules accept the event; with one byte flipped, they refuse it. Plus the
 * ECDSA edge cases of signature.json (high S accepted, malformed input simply not signed).
 */
class AuthorityEventVectorTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final EventCodec CODEC = new EventCodec();
    private static final HexFormat HEX = HexFormat.of();
    private static final String GATEWAY_KEY_ID = "gateway-attestation-1";

    private static final Map<String, Class<?>> FILES = Map.ofEntries(
            Map.entry("party-registered.json", PartyRegistered.class),
            Map.entry("party-key-rotated.json", PartyKeyRotated.class),
            Map.entry("attestation.json", Attestation.class),
            Map.entry("consent-granted.json", ConsentGranted.class),
            Map.entry("consent-revoked.json", ConsentRevoked.class),
            Map.entry("access-requested.json", AccessRequested.class),
            Map.entry("access-decided.json", AccessDecided.class),
            Map.entry("erasure-requested.json", ErasureRequested.class),
            Map.entry("keys-destroyed.json", KeysDestroyed.class),
            Map.entry("erasure-receipt.json", ErasureReceipt.class),
            Map.entry("record-sealed.json", RecordSealed.class),
            Map.entry("vault-command.json", VaultCommand.class));

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        FILES.keySet().stream().sorted().forEach(file -> {
            JsonNode vector = vector(file);
            assertThat(vector.get("structure").asString())
                    .isEqualTo(FILES.get(file).getSimpleName());
            vector.get("cases")
                    .forEach(c ->
                            all.add(Arguments.of(file + ": " + c.get("name").asString(), file, c)));
        });
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void javaComputesTheVectorsCanonicalBytesAndSignatures(String name, String file, JsonNode c) {
        JsonNode vector = vector(file);
        JsonNode inputs = c.get("inputs");
        JsonNode expected = c.get("expected");
        // The event is the inputs' fields plus the signatures (and attestation) the vector expects.
        inputs.get("fields")
                .properties()
                .forEach(field -> assertThat(expected.get("event").get(field.getKey()))
                        .as(field.getKey())
                        .isEqualTo(field.getValue()));

        Object event = decode(file, expected.get("event"));

        assertThat(HEX.formatHex(signedBytes(event)))
                .isEqualTo(expected.get("signedBytes").asString());
        inputs.get("signers").properties().forEach(signer -> {
            P256KeyPair key = key(vector, signer.getValue().asString());
            byte[] signature = key.sign(bytesSignedBy(event, signer.getKey()));
            assertThat(HEX.formatHex(signature))
                    .as(signer.getKey())
                    .isEqualTo(expected.get("signatures").get(signer.getKey()).asString())
                    .isEqualTo(HEX.formatHex((byte[]) accessor(event, signer.getKey())));
        });
        if (inputs.has("attestation")) {
            Attestation attestation = (Attestation) accessor(event, "attestation");
            JsonNode attested = expected.get("attestation");
            assertThat(HEX.formatHex(attestation.boundDigest()))
                    .isEqualTo(attested.get("boundDigest").asString());
            assertThat(HEX.formatHex(attestation.signedBytes()))
                    .isEqualTo(attested.get("signedBytes").asString());
            assertThat(HEX.formatHex(key(vector, "gateway-attestation").sign(attestation.signedBytes())))
                    .isEqualTo(attested.get("signature").asString());
        }
        if (expected.has("vouchBytes")) {
            assertThat(HEX.formatHex(((PartyRegistered) event).vouchBytes()))
                    .isEqualTo(expected.get("vouchBytes").asString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theAuthorityRulesAcceptTheVectorsEvent(String name, String file, JsonNode c) {
        Object event = decode(file, c.get("expected").get("event"));

        assertThat(refusal(file, c, event)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aFlippedByteIsRefused(String name, String file, JsonNode c) {
        JsonNode vector = vector(file);
        JsonNode expected = c.get("expected");
        byte[] signed = HEX.parseHex(expected.get("signedBytes").asString());
        for (var signer : c.get("inputs").get("signers").properties()) {
            if (signer.getKey().equals("institutionSignature")) {
                continue; // over the vouch bytes, not the signed bytes
            }
            byte[] publicKey = key(vector, signer.getValue().asString()).publicKey();
            byte[] signature =
                    HEX.parseHex(expected.get("signatures").get(signer.getKey()).asString());
            assertThat(Ecdsa.verify(publicKey, signed, signature)).isTrue();
            for (int i = 0; i < signed.length; i += Math.max(1, signed.length / 16)) {
                assertThat(Ecdsa.verify(publicKey, flipped(signed, i), signature))
                        .as("byte %d flipped", i)
                        .isFalse();
            }
        }
        ObjectNode tampered = (ObjectNode) expected.get("event").deepCopy();
        String field = c.get("inputs").has("attestation") ? "attestation" : firstSigner(c);
        if (field.equals("attestation")) {
            ObjectNode attestation = (ObjectNode) tampered.get("attestation");
            attestation.put(
                    "signature", flippedBase64(attestation.get("signature").asString()));
        } else {
            tampered.put(field, flippedBase64(tampered.get(field).asString()));
        }

        assertThat(refusal(file, c, decode(file, tampered)))
                .as("tampered " + field)
                .isPresent();
    }

    @Test
    void highSVerifiesAndMalformedSignaturesOrKeysAreNotSignedWithoutAnError() {
        JsonNode vector = vector("signature.json");
        byte[] message = HEX.parseHex(vector.get("message").asString());
        byte[] publicKey = publicKey(vector, "practitioner-dr-chen");

        vector.get("valid")
                .forEach(c -> assertThat(Ecdsa.verify(
                                publicKey,
                                message,
                                HEX.parseHex(c.get("signature").asString())))
                        .as(c.get("name").asString())
                        .isTrue());
        vector.get("invalid")
                .forEach(c -> assertThat(Ecdsa.verify(
                                c.has("publicKey")
                                        ? HEX.parseHex(c.get("publicKey").asString())
                                        : publicKey,
                                message,
                                HEX.parseHex(c.get("signature").asString())))
                        .as(c.get("name").asString())
                        .isFalse());
    }

    /** Why the party entitled to the event would refuse it, by the rule its consumers apply; empty when accepted. */
    private static Optional<String> refusal(String file, JsonNode c, Object event) {
        JsonNode vector = vector(file);
        AttestationKeys trusted = trustedGateway();
        if (event instanceof PartyRegistered registered) {
            DirectoryEntry institution =
                    registered.institutionId() == null ? null : directory().get(registered.institutionId());
            return new DirectoryRules(trusted)
                    .register(registered, null, institution)
                    .refusalReason();
        }
        if (event instanceof PartyKeyRotated rotated) {
            return new DirectoryRules(trusted)
                    .rotate(rotated, directory().get(rotated.partyId()))
                    .refusalReason();
        }
        if (event instanceof Attestation attestation) {
            return AttestationRule.refusal(
                    attestation,
                    trusted,
                    c.get("inputs").get("fields").get("subjectId").asString(),
                    c.get("inputs").get("fields").get("purpose").asString(),
                    HEX.parseHex(c.get("inputs").get("statementSignedBytes").asString()),
                    Instant.parse(c.get("inputs").get("statementTime").asString()));
        }
        if (event instanceof AccessRequested request) {
            return new RequestRules(trusted).accessRefusal(request, directory().get(request.requesterId()));
        }
        if (event instanceof ErasureRequested request) {
            return new RequestRules(trusted).erasureRefusal(request, directory().get(request.ownerId()));
        }
        if (event instanceof ConsentGranted grant) {
            return verified(publicKey(vector, grant.ownerId()), grant.signedBytes(), grant.ownerSignature());
        }
        if (event instanceof ConsentRevoked revoked) {
            return verified(publicKey(vector, revoked.ownerId()), revoked.signedBytes(), revoked.ownerSignature());
        }
        if (event instanceof AccessDecided decided) {
            return verified(publicKey(vector, "consent-service"), decided.signedBytes(), decided.signature());
        }
        if (event instanceof ErasureReceipt receipt) {
            return verified(publicKey(vector, "vault"), receipt.signedBytes(), receipt.vaultSignature());
        }
        if (event instanceof KeysDestroyed destroyed) {
            return destroyed.signedBy(publicKey(vector, "vault")) ? Optional.empty() : Optional.of("not the vault's");
        }
        if (event instanceof RecordSealed sealed) {
            return sealed.signedBy(publicKey(vector, "vault")) ? Optional.empty() : Optional.of("not the vault's");
        }
        if (event instanceof VaultCommand command) {
            return command.signedBy(publicKey(vector, command.operatorId()))
                    ? Optional.empty()
                    : Optional.of("not the operator's");
        }
        throw new IllegalArgumentException(event.getClass().getName());
    }

    /** The directory after every registration of party-registered.json, in order, by the directory rules. */
    private static Map<String, DirectoryEntry> directory() {
        JsonNode vector = vector("party-registered.json");
        DirectoryRules rules = new DirectoryRules(trustedGateway());
        Map<String, DirectoryEntry> directory = new HashMap<>();
        vector.get("cases").forEach(c -> {
            PartyRegistered registered = (PartyRegistered)
                    decode("party-registered.json", c.get("expected").get("event"));
            DirectoryDecision decision = rules.register(
                    registered,
                    directory.get(registered.partyId()),
                    registered.institutionId() == null ? null : directory.get(registered.institutionId()));
            assertThat(decision.refusalReason()).isEmpty();
            directory.put(registered.partyId(), decision.entry());
        });
        return directory;
    }

    /** The gateway's attestation key, as every vector that carries an attestation names it. */
    private static AttestationKeys trustedGateway() {
        return AttestationKeys.of(Map.of(GATEWAY_KEY_ID, publicKey(vector("attestation.json"), "gateway-attestation")));
    }

    private static Optional<String> verified(byte[] publicKey, byte[] message, byte[] signature) {
        return Ecdsa.verify(publicKey, message, signature)
                ? Optional.empty()
                : Optional.of("signature does not verify");
    }

    private static String firstSigner(JsonNode c) {
        return c.get("inputs").get("signers").propertyNames().iterator().next();
    }

    private static Object decode(String file, JsonNode event) {
        return CODEC.decode(JSON.writeValueAsBytes(event), FILES.get(file));
    }

    private static byte[] signedBytes(Object event) {
        return (byte[]) accessor(event, "signedBytes");
    }

    /** What the signature in {@code field} covers: the vouch bytes for an institution's vouch, else the signed bytes. */
    private static byte[] bytesSignedBy(Object event, String field) {
        return (byte[]) accessor(event, field.equals("institutionSignature") ? "vouchBytes" : "signedBytes");
    }

    private static Object accessor(Object event, String name) {
        try {
            return event.getClass().getMethod(name).invoke(event);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(name, e);
        }
    }

    private static P256KeyPair key(JsonNode vector, String name) {
        JsonNode key = vector.get("keys").get(name);
        P256KeyPair pair =
                P256KeyPair.fromPrivateKey(HEX.parseHex(key.get("privateKey").asString()));
        assertThat(HEX.formatHex(pair.publicKey()))
                .as(name)
                .isEqualTo(key.get("publicKey").asString());
        return pair;
    }

    private static byte[] publicKey(JsonNode vector, String name) {
        return HEX.parseHex(vector.get("keys").get(name).get("publicKey").asString());
    }

    private static byte[] flipped(byte[] bytes, int index) {
        byte[] copy = bytes.clone();
        copy[index] ^= 0x01;
        return copy;
    }

    private static String flippedBase64(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64);
        return Base64.getEncoder().encodeToString(flipped(bytes, bytes.length / 2));
    }

    static JsonNode vector(String file) {
        try {
            return JSON.readTree(
                    Files.readString(ProvenanceBytesVectorTest.VECTORS.resolve(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
