package org.hrm.gateway.portal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hrm.client.sdk.ConsentSigner;
import org.hrm.client.sdk.EncryptedRecord;
import org.hrm.client.sdk.PartyKeyFile;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.client.sdk.RecordDecryptor;
import org.hrm.client.sdk.RecordEncryptor;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.authority.AttestationKeys;
import org.hrm.contracts.authority.DirectoryDecision;
import org.hrm.contracts.authority.DirectoryEntry;
import org.hrm.contracts.authority.DirectoryRules;
import org.hrm.contracts.authority.RequestRules;
import org.hrm.contracts.events.ConsentGranted;
import org.hrm.contracts.events.ConsentRevoked;
import org.hrm.contracts.events.ErasureRequested;
import org.hrm.contracts.events.KeyShare;
import org.hrm.contracts.events.PartyKeyRotated;
import org.hrm.contracts.events.PartyKind;
import org.hrm.contracts.events.RecordReleased;
import org.hrm.crypto.Hpke;
import org.hrm.crypto.P256KeyPair;
import org.hrm.gateway.adapter.web.StatementAttestations;
import org.hrm.gateway.application.Attester;
import org.hrm.gateway.domain.Caller;
import org.hrm.gateway.domain.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The portal's hrm-crypto.js against the Java SDK, both ways: JS opens what Java encrypted, Java opens the shares JS
 * rewrapped, and Java (the SDK's and consent-service's rule over {@code signedBytes()}) accepts what JS signed:
 * grants, revocations, key rotations (routine, and lost-key once the gateway attests) and erasure requests.
 */
class HrmCryptoInteropTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Domain DOMAIN = Domain.PATIENT;
    private static final String GRANT_ID = "7d444840-9dc0-11d1-b245-5ffdce74fad2";

    private final EventCodec codec = new EventCodec();
    private final RecordDecryptor decryptor = new RecordDecryptor();
    private final PartyKeys alice = PartyKeys.generate("patient-alice");
    private final PartyKeys hospital = PartyKeys.generate("hospital-a");
    private final PartyKeys chen = PartyKeys.generate("dr-chen");
    private final String recordId = UUID.randomUUID().toString();
    private final byte[] plaintext = "{\"resourceType\":\"Observation\",\"valueString\":\"BP 128/82\"}".getBytes(UTF_8);
    private EncryptedRecord record;

    @TempDir
    Path dir;

    @BeforeEach
    void encryptARecordForItsOwnerAndAuthor() {
        NodeScripts.assumeNodeInstalled();
        record = encrypt(plaintext);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 1000, 100_000})
    void jsOpensRecordsTheJavaSdkEncryptedForTheOwnerAndTheAuthor(int size) throws IOException {
        byte[] content = new byte[size];
        new SecureRandom().nextBytes(content);
        EncryptedRecord encrypted = encrypt(content);

        List<JsonNode> results = runJs(
                op("openRecord", released(encrypted, alice), alice.partyId(), keyFile(alice)),
                op("openRecord", released(encrypted, hospital), alice.partyId(), keyFile(hospital)));

        assertThat(bytes(value(results.get(0)))).isEqualTo(content);
        assertThat(bytes(value(results.get(1)))).isEqualTo(content);
    }

    @Test
    void jsRejectsAJavaRecordUnderAnotherOwnerOrReader() throws IOException {
        List<JsonNode> results = runJs(
                op("openRecord", released(record, alice), "patient-eve", keyFile(alice)),
                op("openRecord", released(record, alice), alice.partyId(), keyFile(chen)));

        assertThat(error(results.get(0))).isEqualTo("INNER_AUTHENTICATION_FAILED");
        assertThat(error(results.get(1))).isEqualTo("NOT_THIS_REQUEST");
    }

    @Test
    void jsOpensTheV1RecordsWrittenBeforeTheUpgrade() throws IOException {
        EncryptedRecord v1 = new RecordEncryptor()
                .encryptV1(
                        recordId,
                        DOMAIN,
                        alice.partyId(),
                        hospital,
                        plaintext,
                        Map.of(alice.partyId(), alice.publicKey()));

        List<JsonNode> results = runJs(
                op("openRecord", released(v1, alice), alice.partyId(), keyFile(alice)),
                op(
                        "verifyProvenance",
                        JSON.readTree(codec.encode(v1.toSubmitted(Instant.now()))),
                        base64(hospital.publicKey())));

        assertThat(bytes(value(results.get(0)))).isEqualTo(plaintext);
        assertThat(value(results.get(1)).asBoolean()).isTrue();
    }

    @Test
    void javaOpensTheShareJsRewrappedForAGrantee() throws IOException {
        List<JsonNode> results = runJs(op("rewrapShare", ownerShare(), recordId, keyFile(alice), grantee(chen)));

        KeyShare share = JSON.treeToValue(value(results.get(0)), KeyShare.class);
        assertThat(share.readerId()).isEqualTo(chen.partyId());
        assertThat(decryptor.decrypt(recordId, DOMAIN, alice.partyId(), record.innerCiphertext(), share, chen))
                .isEqualTo(plaintext);
    }

    @Test
    void javaAcceptsTheGrantJsSignedAndOpensItsShare() throws IOException {
        JsonNode share = value(runJs(op("rewrapShare", ownerShare(), recordId, keyFile(alice), grantee(chen)))
                .get(0));
        Map<String, Object> terms = new HashMap<>(grantTerms(Map.of("recordIds", List.of(recordId))));
        terms.put("expiresAt", "2026-12-25T10:00:00.25Z");
        terms.put("grantedAt", "2026-11-25T11:00:00.5+01:00");
        terms.put("shares", List.of(Map.of("recordId", recordId, "share", share)));

        JsonNode grantJson = value(runJs(op("signGrant", keyFile(alice), terms)).get(0));

        ConsentGranted grant = codec.decode(JSON.writeValueAsBytes(grantJson), ConsentGranted.class);
        assertThat(grant.grantedAt()).isEqualTo(Instant.parse("2026-11-25T10:00:00.500Z"));
        assertThat(ownerSigned(grant.signedBytes(), grant.ownerSignature())).isTrue();
        KeyShare granteeShare =
                new KeyShare(chen.partyId(), grant.shares().get(0).share());
        assertThat(decryptor.decrypt(recordId, DOMAIN, alice.partyId(), record.innerCiphertext(), granteeShare, chen))
                .isEqualTo(plaintext);
        ConsentGranted tampered = codec.decode(
                JSON.writeValueAsBytes(((ObjectNode) grantJson).put("purpose", "RESEARCH")), ConsentGranted.class);
        assertThat(ownerSigned(tampered.signedBytes(), tampered.ownerSignature()))
                .isFalse();
    }

    @Test
    void javaAcceptsACategoryGrantJsSigned() throws IOException {
        Map<String, Object> terms = grantTerms(Map.of("category", "Observation"));

        JsonNode grantJson = value(runJs(op("signGrant", keyFile(alice), terms)).get(0));

        ConsentGranted grant = codec.decode(JSON.writeValueAsBytes(grantJson), ConsentGranted.class);
        assertThat(grant.scope().category()).isEqualTo("Observation");
        assertThat(grant.shares()).isEmpty();
        assertThat(ownerSigned(grant.signedBytes(), grant.ownerSignature())).isTrue();
    }

    @Test
    void javaAcceptsTheRevocationJsSignedAndRejectsATamperedOne() throws IOException {
        JsonNode revokedJson =
                value(runJs(op("signRevoke", keyFile(alice), GRANT_ID, DOMAIN.name(), "2026-11-26T10:00:00.000123Z"))
                        .get(0));

        ConsentRevoked revoked = codec.decode(JSON.writeValueAsBytes(revokedJson), ConsentRevoked.class);
        assertThat(revoked.ownerId()).isEqualTo(alice.partyId());
        assertThat(ownerSigned(revoked.signedBytes(), revoked.ownerSignature())).isTrue();
        ConsentRevoked tampered = codec.decode(
                JSON.writeValueAsBytes(((ObjectNode) revokedJson).put("revokedAt", "2026-11-26T10:00:01.000123Z")),
                ConsentRevoked.class);
        assertThat(ownerSigned(tampered.signedBytes(), tampered.ownerSignature()))
                .isFalse();
    }

    @Test
    void jsVerifiesTheProvenanceTheJavaSdkSigned() throws IOException {
        ObjectNode submitted = (ObjectNode) JSON.readTree(codec.encode(record.toSubmitted(Instant.now())));
        ObjectNode otherOwner = submitted.deepCopy().put("ownerId", "patient-eve");
        ObjectNode otherAuthor = submitted.deepCopy().put("authorId", "hospital-b");

        List<JsonNode> results = runJs(
                op("verifyProvenance", submitted, base64(hospital.publicKey())),
                op("verifyProvenance", otherOwner, base64(hospital.publicKey())),
                op("verifyProvenance", submitted, base64(alice.publicKey())),
                op("verifyProvenance", otherAuthor, base64(hospital.publicKey())));

        assertThat(value(results.get(0)).asBoolean()).isTrue();
        assertThat(error(results.get(1))).isEqualTo("PROVENANCE_INVALID");
        assertThat(error(results.get(2))).isEqualTo("PROVENANCE_INVALID");
        assertThat(error(results.get(3))).isEqualTo("PROVENANCE_INVALID");
    }

    @Test
    void theDirectoryRulesAcceptTheKeyRotationJsSignedAndRefuseATamperedOne() throws IOException {
        PartyKeys next = PartyKeys.generate(alice.partyId());
        DirectoryEntry current = registered(alice);

        JsonNode rotationJson =
                value(runJs(op("signKeyRotation", keyFile(alice), keyFile(next), "2026-11-26T10:00:00.000123Z"))
                        .get(0));

        PartyKeyRotated rotation = codec.decode(JSON.writeValueAsBytes(rotationJson), PartyKeyRotated.class);
        assertThat(rotation.newPublicKey()).isEqualTo(next.publicKey());
        assertThat(rotation.signedByPreviousKey()).isTrue();
        DirectoryDecision decision = new DirectoryRules(AttestationKeys.of(Map.of())).rotate(rotation, current);
        assertThat(decision.refusalReason()).isEmpty();
        assertThat(decision.entry().isCurrentKey(next.publicKey())).isTrue();
        assertThat(decision.entry().everHeld(alice.publicKey())).isTrue();
        PartyKeyRotated tampered = codec.decode(
                JSON.writeValueAsBytes(((ObjectNode) rotationJson).put("rotatedAt", "2026-11-26T10:00:01Z")),
                PartyKeyRotated.class);
        assertThat(new DirectoryRules(AttestationKeys.of(Map.of()))
                        .rotate(tampered, current)
                        .refusalReason())
                .hasValueSatisfying(reason -> assertThat(reason).contains("proof of possession"));
    }

    @Test
    void aLostKeyRotationJsProvedIsAcceptedOnlyWithTheGatewaysAttestation() throws IOException {
        PartyKeys next = PartyKeys.generate(alice.partyId());
        DirectoryEntry current = registered(alice);
        P256KeyPair gatewayKey = P256KeyPair.generate();
        DirectoryRules rules = new DirectoryRules(AttestationKeys.of(Map.of("gateway-1", gatewayKey.publicKey())));

        JsonNode proven = value(runJs(op(
                        "proveLostKeyRotation",
                        alice.partyId(),
                        base64(alice.publicKey()),
                        keyFile(next),
                        "2026-11-26T10:00:00Z"))
                .get(0));

        PartyKeyRotated rotation = codec.decode(JSON.writeValueAsBytes(proven), PartyKeyRotated.class);
        assertThat(rotation.previousKeySignature()).isNull();
        assertThat(rules.rotate(rotation, current).refusalReason())
                .hasValueSatisfying(reason -> assertThat(reason).contains("neither its current key"));
        Attester attester = new Attester(
                gatewayKey, "gateway-1", Clock.fixed(Instant.parse("2026-11-26T10:01:00Z"), ZoneOffset.UTC));
        PartyKeyRotated attested =
                StatementAttestations.rotate(attester, new Caller(alice.partyId(), Set.of(Role.PATIENT)), rotation);
        assertThat(rules.rotate(attested, current).refusalReason()).isEmpty();
    }

    @Test
    void javaLoadsTheKeyFileJsGenerated() throws IOException {
        JsonNode keyFileText =
                value(runJs(op("generatePartyKeys", alice.partyId())).get(0));
        Path file = dir.resolve("generated.key.json");
        Files.writeString(file, keyFileText.asString(), UTF_8);

        PartyKeys loaded = PartyKeyFile.load(file);

        assertThat(loaded.partyId()).isEqualTo(alice.partyId());
        assertThat(loaded.publicKey()).isNotEqualTo(alice.publicKey());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void theVaultsRuleAcceptsTheErasureJsSignedForOneRecordOrAll(boolean oneRecord) throws IOException {
        Map<String, Object> request = new HashMap<>(
                Map.of("requestId", GRANT_ID, "domain", DOMAIN.name(), "requestedAt", "2026-11-26T10:00:00.5Z"));
        if (oneRecord) {
            request.put("recordId", recordId);
        }
        Map<String, Object> statement = new HashMap<>(request);
        statement.put("ownerId", alice.partyId());
        List<JsonNode> results = runJs(op("signErasure", keyFile(alice), request), op("erasureSignedBytes", statement));
        JsonNode erasureJson = value(results.get(0));

        ErasureRequested erasure = codec.decode(JSON.writeValueAsBytes(erasureJson), ErasureRequested.class);
        assertThat(erasure.recordId()).isEqualTo(oneRecord ? recordId : null);
        assertThat(erasure.ownerId()).isEqualTo(alice.partyId());
        RequestRules vault = new RequestRules(AttestationKeys.of(Map.of()));
        assertThat(vault.erasureRefusal(erasure, registered(alice))).isEmpty();
        assertThat(vault.erasureRefusal(erasure, registered(chen))).isPresent();
        assertThat(bytes(value(results.get(1)))).isEqualTo(erasure.signedBytes());
        // One record's request widened to all records, or all narrowed to one: the signature no longer holds.
        ObjectNode changed = ((ObjectNode) erasureJson).deepCopy();
        if (oneRecord) {
            changed.remove("recordId");
        } else {
            changed.put("recordId", recordId);
        }
        ErasureRequested tampered = codec.decode(JSON.writeValueAsBytes(changed), ErasureRequested.class);
        assertThat(vault.erasureRefusal(tampered, registered(alice))).isPresent();
    }

    /** The consent-service's rule, and the SDK's: the owner's key verifies the signature over the signed bytes. */
    private boolean ownerSigned(byte[] signedBytes, byte[] signature) {
        return ConsentSigner.verify(alice.publicKey(), signedBytes, signature)
                && JdkP1363.verify(alice.publicKey(), signedBytes, signature);
    }

    private Map<String, Object> grantTerms(Map<String, Object> scope) {
        return Map.of(
                "grantId",
                GRANT_ID,
                "domain",
                DOMAIN.name(),
                "granteeId",
                chen.partyId(),
                "scope",
                scope,
                "purpose",
                "TREAT",
                "validFrom",
                "2026-11-25T10:00:00Z",
                "expiresAt",
                "2026-12-25T10:00:00Z");
    }

    /** Alice's (or another party's) attested directory entry, registered before the tests' times. */
    private static DirectoryEntry registered(PartyKeys party) {
        return new DirectoryEntry(
                party.partyId(),
                PartyKind.PATIENT,
                null,
                party.publicKey(),
                Instant.parse("2026-11-01T00:00:00Z"),
                true,
                List.of());
    }

    private EncryptedRecord encrypt(byte[] content) {
        return new RecordEncryptor()
                .encrypt(
                        recordId,
                        DOMAIN,
                        alice.partyId(),
                        hospital,
                        content,
                        Map.of(alice.partyId(), alice.publicKey()));
    }

    /** The release the vault would send the reader: C1 sealed to the reader for a fresh request id. */
    private JsonNode released(EncryptedRecord encrypted, PartyKeys reader) {
        String requestId = UUID.randomUUID().toString();
        byte[] sealed = Hpke.seal(
                reader.publicKey(),
                RecordReleased.sealInfo(requestId),
                RecordReleased.sealAad(reader.partyId(), encrypted.recordId()),
                encrypted.innerCiphertext(),
                new SecureRandom());
        RecordReleased event = new RecordReleased(
                requestId,
                encrypted.recordId(),
                encrypted.domain(),
                reader.partyId(),
                sealed,
                encrypted.shareOf(reader.partyId()),
                Instant.now());
        return JSON.readTree(codec.encode(event));
    }

    private JsonNode ownerShare() {
        return JSON.valueToTree(record.shareOf(alice.partyId()));
    }

    private Map<String, String> keyFile(PartyKeys keys) throws IOException {
        Path file = dir.resolve(keys.partyId() + ".key.json");
        PartyKeyFile.save(keys, file);
        return Map.of("keyFile", Files.readString(file, UTF_8));
    }

    private static Map<String, String> grantee(PartyKeys keys) {
        return Map.of("partyId", keys.partyId(), "publicKey", base64(keys.publicKey()));
    }

    private static Map<String, Object> op(String name, Object... args) {
        return Map.of("op", name, "args", List.of(args));
    }

    @SafeVarargs
    private List<JsonNode> runJs(Map<String, Object>... ops) throws IOException {
        Path request = dir.resolve("request.json");
        JSON.writeValue(request.toFile(), Map.of("ops", List.of(ops)));
        NodeScripts.Run run = NodeScripts.run(
                List.of(NodeScripts.JS_TESTS.resolve("interop-driver.mjs").toString(), request.toString()));
        assertThat(run.exitCode()).as("interop driver failed: %s", run.stderr()).isZero();
        List<JsonNode> results = List.copyOf(JSON.readTree(run.stdout()).values());
        assertThat(results).hasSize(ops.length);
        return results;
    }

    private static JsonNode value(JsonNode result) {
        assertThat(result.get("ok").asBoolean()).as("JS result %s", result).isTrue();
        return result.get("value");
    }

    private static String error(JsonNode result) {
        assertThat(result.get("ok").asBoolean()).as("JS result %s", result).isFalse();
        return result.get("code").asString();
    }

    private static byte[] bytes(JsonNode base64) {
        return Base64.getDecoder().decode(base64.asString());
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
