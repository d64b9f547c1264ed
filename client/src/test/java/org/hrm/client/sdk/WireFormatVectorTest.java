package org.hrm.client.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hrm.client.sdk.TestParties.hex;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.events.KeyShare;
import org.hrm.contracts.events.RecordReleased;
import org.hrm.contracts.events.RecordSubmitted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SDK against the conformance vectors of docs/wire-format.md ({@code docs/wire-format/vectors}, derived
 * independently in Python and checked by the browser library's tests too): it writes the v2 record byte for byte,
 * reads v1 and v2, rewraps to a grantee byte for byte, and opens the released C1 of the vector.
 */
class WireFormatVectorTest {
    private static final Path VECTORS = Path.of("..", "docs", "wire-format", "vectors");

    @Test
    void writesTheV2RecordByteForByte() throws IOException {
        JsonNode v = vector("record-v2.json");
        JsonNode in = v.get("inputs");
        JsonNode random = in.get("randomness");
        QueuedRandom fixed = new QueuedRandom(
                text(random, "salt"),
                text(random, "nonce"),
                text(random.get("ikmE"), text(in, "ownerId")),
                text(random.get("ikmE"), text(in, "authorId")));

        EncryptedRecord record = new RecordEncryptor(fixed)
                .encrypt(
                        text(in, "recordId"),
                        Domain.PATIENT,
                        text(in, "ownerId"),
                        party(in, "author", text(in, "authorId")),
                        hex(text(in, "plaintext")),
                        Map.of(text(in, "ownerId"), hex(text(in.get("owner"), "publicKey"))));

        JsonNode expected = v.get("expected");
        assertThat(fixed.exhausted()).isTrue();
        assertThat(hex(record.innerCiphertext())).isEqualTo(text(expected, "C1"));
        assertThat(record.shares())
                .usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(shares(expected));
        assertThat(hex(record.toSubmitted(Instant.EPOCH).signedBytes()))
                .isEqualTo(text(expected, "provenanceSignedBytes"));
        assertThat(hex(record.authorSignature())).isEqualTo(text(expected, "authorSignature"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"record-v1.json", "record-v2.json"})
    void readsEveryVersionAsOwnerAuthorAndGranteeAndRewrapsByteForByte(String file) throws IOException {
        JsonNode v = vector(file);
        JsonNode in = v.get("inputs");
        JsonNode expected = v.get("expected");
        PartyKeys owner = party(in, "owner", text(in, "ownerId"));
        PartyKeys grantee = party(in, "grantee", text(in.get("grantee"), "partyId"));
        RecordDecryptor decryptor = new RecordDecryptor();
        byte[] c1 = hex(text(expected, "C1"));
        List<KeyShare> shares = shares(expected);

        ConsentSigner.GrantTerms terms = new ConsentSigner.GrantTerms(
                UUID.randomUUID().toString(),
                Domain.PATIENT,
                grantee.partyId(),
                new org.hrm.contracts.events.GrantScope(List.of(text(in, "recordId")), null),
                "TREAT",
                Instant.EPOCH,
                Instant.EPOCH.plusSeconds(60));
        byte[] granteeShare = new ConsentSigner(
                        new QueuedRandom(text(in.get("randomness").get("ikmE"), "dr-chen")))
                .grant(
                        owner,
                        terms,
                        grantee.publicKey(),
                        List.of(new ConsentSigner.CoveredRecord(text(in, "recordId"), shares.get(0))),
                        Instant.EPOCH)
                .shares()
                .get(0)
                .share();

        assertThat(hex(granteeShare)).isEqualTo(text(expected.get("granteeShare"), "share"));
        for (var reader : List.of(owner, grantee)) {
            KeyShare share = reader == owner ? shares.get(0) : new KeyShare(grantee.partyId(), granteeShare);
            assertThat(hex(decryptor.decrypt(text(in, "recordId"), Domain.PATIENT, owner.partyId(), c1, share, reader)))
                    .isEqualTo(text(in, "plaintext"));
        }
        decryptor.verifyProvenance(submitted(v), hex(text(in.get("author"), "publicKey")));
    }

    @Test
    void opensTheReleasedVectorAsTheRequesterAndPresentsItOnlyWithVerifiedProvenance() throws IOException {
        JsonNode released = vector("released-v2.json");
        JsonNode record = vector("record-v2.json");
        JsonNode in = released.get("inputs");
        PartyKeys requester = party(in, "requester", text(in, "requesterId"));
        RecordReleased event = new RecordReleased(
                text(in, "requestId"),
                text(in, "recordId"),
                Domain.PATIENT,
                requester.partyId(),
                hex(text(released.get("expected"), "sealedInnerCiphertext")),
                new KeyShare(
                        requester.partyId(), hex(text(record.get("expected").get("granteeShare"), "share"))),
                Instant.EPOCH);
        RecordDecryptor decryptor = new RecordDecryptor();
        byte[] authorKey = hex(text(record.get("inputs").get("author"), "publicKey"));
        RecordSubmitted submission = submitted(record);

        byte[] plaintext = decryptor.open(event, submission, requester, requester, authorKey);

        assertThat(hex(plaintext)).isEqualTo(text(record.get("inputs"), "plaintext"));
        assertThatThrownBy(() -> decryptor.open(event, submission, requester, requester, null))
                .isInstanceOf(UnverifiedRecordException.class);
        assertThatThrownBy(() -> decryptor.open(
                        event,
                        submission,
                        requester,
                        requester,
                        hex(text(record.get("inputs").get("owner"), "publicKey"))))
                .isInstanceOf(UnverifiedRecordException.class)
                .hasMessage("provenance signature invalid");
    }

    @Test
    void theWorkedSubmissionDecodesAndVerifies() throws IOException {
        RecordSubmitted submission = new EventCodec()
                .decode(Files.readAllBytes(VECTORS.resolve("submission-v2.json")), RecordSubmitted.class);
        JsonNode record = vector("record-v2.json");

        new RecordDecryptor()
                .verifyProvenance(submission, hex(text(record.get("inputs").get("author"), "publicKey")));

        assertThat(submission.envelopeVersion()).isEqualTo(2);
        assertThat(submission.shares())
                .allSatisfy(share -> assertThat(share.share()).hasSize(145));
    }

    private static RecordSubmitted submitted(JsonNode v) {
        JsonNode in = v.get("inputs");
        JsonNode expected = v.get("expected");
        return new RecordSubmitted(
                text(in, "recordId"),
                Domain.PATIENT,
                text(in, "ownerId"),
                text(in, "authorId"),
                hex(text(expected, "C1")),
                shares(expected),
                hex(text(expected, "authorSignature")),
                Instant.EPOCH);
    }

    private static List<KeyShare> shares(JsonNode expected) {
        List<KeyShare> shares = new ArrayList<>();
        expected.get("shares").forEach(s -> shares.add(new KeyShare(text(s, "readerId"), hex(text(s, "share")))));
        return shares;
    }

    private static PartyKeys party(JsonNode inputs, String role, String partyId) {
        return PartyKeys.fromPrivateKey(partyId, hex(text(inputs.get(role), "privateKey")));
    }

    private static String text(JsonNode node, String field) {
        return node.get(field).asString();
    }

    private static JsonNode vector(String file) throws IOException {
        return JsonMapper.builder().build().readTree(Files.readString(VECTORS.resolve(file)));
    }
}
