package org.hrm.consent;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.events.AccessRequested;
import org.hrm.contracts.events.Attestation;
import org.hrm.contracts.events.ConsentGranted;
import org.hrm.contracts.events.ConsentRevoked;
import org.hrm.contracts.events.DestroyedKey;
import org.hrm.contracts.events.ErasedRecord;
import org.hrm.contracts.events.GrantScope;
import org.hrm.contracts.events.KeyShare;
import org.hrm.contracts.events.KeysDestroyed;
import org.hrm.contracts.events.PartyKind;
import org.hrm.contracts.events.PartyRegistered;
import org.hrm.contracts.events.RecordSubmitted;
import org.hrm.crypto.P256KeyPair;

/** Contract events as clients send them, grants and revocations signed over their canonical bytes. */
public final class ConsentEvents {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final EventCodec CODEC = new EventCodec();

    /** The test gateway's attestation key; its public half is trusted in src/test/resources/application.yml. */
    public static final String TEST_GATEWAY_KEY_ID = "test-gateway";

    public static final P256KeyPair TEST_GATEWAY = P256KeyPair.fromPrivateKey(
            HexFormat.of().parseHex("2e6d74ff545486113f43a96e6fc4f4dcd38d61dc5ed5f2cea08b82092cd54eb8"));

    /** Institutions registered through {@link #registered}, so a practitioner naming one is vouched for by it. */
    private static final Map<String, TestKeys> INSTITUTIONS = new ConcurrentHashMap<>();

    private ConsentEvents() {}

    /** The test gateway's attestation of {@code statementBytes} for {@code subjectId}. */
    public static Attestation attestation(String subjectId, String purpose, byte[] statementBytes, Instant at) {
        return Attestation.issue(TEST_GATEWAY, TEST_GATEWAY_KEY_ID, subjectId, purpose, statementBytes, at);
    }

    /** A registration as a client sends it, with its proof of possession but no gateway attestation. */
    public static PartyRegistered unattested(String partyId, PartyKind kind, TestKeys keys, String institutionId) {
        PartyRegistered draft =
                new PartyRegistered(partyId, kind, keys.publicKey(), institutionId, Instant.now(), null, null, null);
        byte[] vouch = institutionId == null || !INSTITUTIONS.containsKey(institutionId)
                ? null
                : INSTITUTIONS.get(institutionId).sign(draft.vouchBytes());
        return new PartyRegistered(
                partyId,
                kind,
                keys.publicKey(),
                institutionId,
                draft.registeredAt(),
                keys.sign(draft.signedBytes()),
                null,
                vouch);
    }

    public static String id() {
        return UUID.randomUUID().toString();
    }

    /** A party id unique to one test run, so tests sharing a broker and database never collide. */
    public static String party(String role) {
        return role + "-" + UUID.randomUUID();
    }

    /**
     * A protocol v2 registration: proven by {@code keys}, attested by the test gateway and, for a practitioner, vouched
     * for by its institution if that was registered through this method before.
     */
    public static PartyRegistered registered(String partyId, PartyKind kind, TestKeys keys, String institutionId) {
        if (kind == PartyKind.SYSTEM) {
            INSTITUTIONS.put(partyId, keys);
        }
        PartyRegistered proven = unattested(partyId, kind, keys, institutionId);
        return proven.withAttestation(
                attestation(partyId, Attestation.REGISTER, proven.signedBytes(), proven.registeredAt()));
    }

    public static RecordSubmitted submitted(Domain domain, String ownerId, String authorId, String category) {
        return new RecordSubmitted(
                id(),
                domain,
                ownerId,
                authorId,
                randomBytes(256),
                List.of(new KeyShare(ownerId, randomBytes(113)), new KeyShare(authorId, randomBytes(113))),
                randomBytes(64),
                Instant.now(),
                category);
    }

    public static ConsentGranted granted(
            Domain domain, String ownerId, String granteeId, GrantScope scope, TestKeys signer) {
        Instant now = Instant.now();
        ConsentGranted unsigned = new ConsentGranted(
                id(),
                domain,
                ownerId,
                granteeId,
                scope,
                "TREAT",
                now.minus(Duration.ofMinutes(1)),
                now.plus(Duration.ofHours(1)),
                List.of(),
                now,
                new byte[64]);
        return withSignature(unsigned, signer.sign(unsigned.signedBytes()));
    }

    public static ConsentGranted withSignature(ConsentGranted grant, byte[] signature) {
        return new ConsentGranted(
                grant.grantId(),
                grant.domain(),
                grant.ownerId(),
                grant.granteeId(),
                grant.scope(),
                grant.purpose(),
                grant.validFrom(),
                grant.expiresAt(),
                grant.shares(),
                grant.grantedAt(),
                signature);
    }

    public static ConsentRevoked revoked(Domain domain, String grantId, String ownerId, TestKeys signer) {
        ConsentRevoked unsigned = new ConsentRevoked(grantId, domain, ownerId, Instant.now(), new byte[64]);
        return new ConsentRevoked(grantId, domain, ownerId, unsigned.revokedAt(), signer.sign(unsigned.signedBytes()));
    }

    /** An access request as the gateway sends it for its authenticated caller: attested by the test gateway. */
    public static AccessRequested requested(Domain domain, String recordId, String requesterId) {
        return attested(unsignedRequest(domain, recordId, requesterId, "TREAT", null));
    }

    public static AccessRequested emergency(Domain domain, String recordId, String requesterId) {
        return attested(unsignedRequest(domain, recordId, requesterId, "ETREAT", "unconscious in the ER"));
    }

    /** An access request carrying neither a signature nor an attestation: a forgery as far as anyone can tell. */
    public static AccessRequested unsignedRequest(
            Domain domain, String recordId, String requesterId, String purpose, String emergencyReason) {
        return new AccessRequested(
                id(), recordId, domain, requesterId, purpose, emergencyReason, Instant.now(), null, null);
    }

    /** The request signed by the requester's own key. */
    public static AccessRequested signedRequest(Domain domain, String recordId, String requesterId, TestKeys keys) {
        AccessRequested draft = unsignedRequest(domain, recordId, requesterId, "TREAT", null);
        return new AccessRequested(
                draft.requestId(),
                recordId,
                domain,
                requesterId,
                draft.purpose(),
                null,
                draft.requestedAt(),
                keys.sign(draft.signedBytes()),
                null);
    }

    private static AccessRequested attested(AccessRequested request) {
        return request.withAttestation(
                attestation(request.requesterId(), Attestation.ACCESS, request.signedBytes(), request.requestedAt()));
    }

    /** The vault's signed word that it destroyed the K2 of each record (and, for all records, the owner's KEK). */
    public static KeysDestroyed keysDestroyed(Domain domain, String ownerId, boolean allRecords, String... recordIds) {
        byte[] pseudonym = randomBytes(32);
        List<DestroyedKey> keys = new ArrayList<>();
        if (allRecords) {
            keys.add(new DestroyedKey("KEK", id(), null, 1));
        }
        List.of(recordIds).forEach(recordId -> keys.add(new DestroyedKey("K2", id(), recordId, 0)));
        return new KeysDestroyed(
                        id(),
                        domain,
                        ownerId,
                        allRecords,
                        List.of(recordIds).stream()
                                .map(recordId -> new ErasedRecord(recordId, pseudonym))
                                .toList(),
                        keys,
                        Instant.now(),
                        null)
                .signedBy(VAULT);
    }

    /** The vault's signing key in tests; its public half is {@code hrm.consent.vault-public-key}. */
    public static final P256KeyPair VAULT = P256KeyPair.generate();

    public static String vaultPublicKey() {
        return java.util.Base64.getEncoder().encodeToString(VAULT.publicKey());
    }

    public static byte[] json(Object event) {
        return CODEC.encode(event);
    }

    public static <T> T decode(byte[] json, Class<T> type) {
        return CODEC.decode(json, type);
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
