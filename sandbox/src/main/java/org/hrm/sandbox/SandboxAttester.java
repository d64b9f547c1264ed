package org.hrm.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.hrm.cli.Endpoints;
import org.hrm.cli.KafkaLogin;
import org.hrm.cli.OutcomeWatcher;
import org.hrm.client.kafka.PartyDirectory;
import org.hrm.client.kafka.RecordPublisher;
import org.hrm.client.sdk.PartyKeyHolder;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.contracts.authority.AttestationKeys;
import org.hrm.contracts.events.Attestation;
import org.hrm.contracts.events.PartyKeyRotated;
import org.hrm.contracts.events.PartyKind;
import org.hrm.contracts.events.PartyRegistered;
import org.hrm.crypto.P256KeyPair;

/**
 * The sandbox's stand-in for "log in at the gateway and ask for an attestation": it holds the sandbox gateway's
 * attestation key (the same file the sandbox's gateway signs with) and attests registrations and lost-key rotations
 * for the sandbox's own in-process tools (the demo, the dev parties, the bench, chaos, the tests). {@code ./hrm
 * register} and {@code rotate-key --lost} do not use it: they ask the gateway, as a production client does.
 *
 * <p>Why this is acceptable here and nowhere else: the sandbox runs on one machine for one developer, who can already
 * log in as anyone (the development login has no password). A production client has no such file: it calls
 * {@code POST /api/parties} or {@code POST /api/attestations/{purpose}} with its own token, and the gateway attests
 * only the party its token names.
 */
public final class SandboxAttester {
    /** The key id the sandbox's gateway publishes and its consumers trust. */
    public static final String KEY_ID = "gateway-1";

    private final P256KeyPair key;

    private SandboxAttester(P256KeyPair key) {
        this.key = key;
    }

    /** The attester of the sandbox whose key files are in {@code home} (the key is created on first use). */
    public static SandboxAttester of(Path home) throws IOException {
        Path file = new SandboxSecrets(home).gatewayAttestationKeyFile();
        return new SandboxAttester(P256KeyPair.fromPrivateKey(
                Base64.getDecoder().decode(Files.readString(file).trim())));
    }

    /** The attester of a running sandbox, found from its endpoints (the key files sit beside its log directory). */
    public static SandboxAttester of(Endpoints endpoints) throws IOException {
        return of(Path.of(endpoints.logDir()).toAbsolutePath().getParent());
    }

    /** A registration proven by the party's key, attested, and for a practitioner vouched for by its institution. */
    public PartyRegistered register(
            PartyKeyHolder party, PartyKind kind, String institutionId, PartyKeyHolder institution) {
        PartyRegistered proven = new PartyRegistered(
                        party.partyId(), kind, party.publicKey(), institutionId, Instant.now(), null, null, null)
                .provenBy(party);
        if (institution != null) {
            proven = proven.vouchedBy(institution);
        }
        return proven.withAttestation(Attestation.issue(
                key, KEY_ID, party.partyId(), Attestation.REGISTER, proven.signedBytes(), proven.registeredAt()));
    }

    /** A rotation for a party that lost its key: proven by the new key, attested instead of signed by the old. */
    public PartyKeyRotated lostKey(String partyId, byte[] lostPublicKey, PartyKeys newKeys) {
        PartyKeyRotated proven = PartyKeyRotated.draft(partyId, lostPublicKey, newKeys.publicKey(), Instant.now())
                .provenBy(newKeys.keyPair());
        return proven.withAttestation(Attestation.issue(
                key, KEY_ID, partyId, Attestation.ROTATE_KEY, proven.signedBytes(), proven.rotatedAt()));
    }

    /**
     * Publishes registrations institutions first, waiting until consent-service accepted each institution: a
     * practitioner's registration is checked against its institution's key, and registrations of different parties
     * travel on different partitions, so nothing else orders them. Then waits until it accepted the others too:
     * clients read the directory from the histories consent-service publishes once it accepted a registration, so a
     * party is in a client's directory only from then on.
     */
    public static void publishInOrder(RecordPublisher publisher, KafkaLogin observer, List<PartyRegistered> parties)
            throws InterruptedException {
        OutcomeWatcher watcher = new OutcomeWatcher(observer);
        for (PartyRegistered institution : parties.stream()
                .filter(party -> party.kind() == PartyKind.SYSTEM)
                .toList()) {
            awaitAccepted(watcher, institution, publisher.register(institution).join());
        }
        List<PartyRegistered> others = parties.stream()
                .filter(party -> party.kind() != PartyKind.SYSTEM)
                .toList();
        List<RecordMetadata> sent = others.stream().map(publisher::register).toList().stream()
                .map(java.util.concurrent.CompletableFuture::join)
                .toList();
        for (int i = 0; i < others.size(); i++) {
            awaitAccepted(watcher, others.get(i), sent.get(i));
        }
    }

    private static void awaitAccepted(OutcomeWatcher watcher, PartyRegistered party, RecordMetadata sent)
            throws InterruptedException {
        OutcomeWatcher.Outcome outcome =
                watcher.await(sent, OutcomeWatcher.CONSENT_PARTIES, deadLetters(), Duration.ofSeconds(30));
        if (!outcome.accepted()) {
            throw new IllegalStateException(outcome.describe("registration of " + party.partyId()));
        }
    }

    /** The party directory as a client reads it, trusting this attester's key; refused histories are not reported. */
    public PartyDirectory directory(KafkaLogin kafka) {
        return PartyDirectory.read(
                kafka.bootstrapServers(),
                kafka.settings(),
                AttestationKeys.of(Map.of(KEY_ID, key.publicKey())),
                warning -> {});
    }

    /** The public key, as consumers are configured to trust it. */
    Map<String, String> trusted() {
        return Map.of(KEY_ID, Base64.getEncoder().encodeToString(key.publicKey()));
    }

    private static String deadLetters() {
        return org.hrm.contracts.Topic.CONSENT_DEAD_LETTER.topicName();
    }
}
