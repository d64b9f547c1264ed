package org.hrm.ledgerwriter.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hrm.contracts.Domain;
import org.hrm.contracts.authority.AttestationKeys;
import org.hrm.contracts.authority.DirectoryEntry;
import org.hrm.contracts.authority.DirectoryKeeper;
import org.hrm.contracts.authority.DirectoryRules;
import org.hrm.contracts.authority.DirectoryStore;
import org.hrm.contracts.events.Attestation;
import org.hrm.contracts.events.PartyKind;
import org.hrm.contracts.events.PartyRegistered;
import org.hrm.crypto.P256KeyPair;
import org.hrm.ledgerwriter.adapter.kafka.WriteAuthority;
import org.hrm.ledgerwriter.application.GrantOwners;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The parties tests sign as: the vault's key, a gateway attestation key, and one key per owner, with attested
 * registrations of those owners and share-shaped random bytes.
 */
public final class TestAuthority {
    public static final P256KeyPair VAULT = P256KeyPair.generate();
    public static final P256KeyPair ATTESTER = P256KeyPair.generate();
    /** consent-service's decision key: signs the audit events on ops.audit. */
    public static final P256KeyPair CONSENT = P256KeyPair.generate();

    public static final String ATTESTER_ID = "test-gateway";
    private static final Map<String, P256KeyPair> OWNERS = new ConcurrentHashMap<>();

    private TestAuthority() {}

    public static void properties(DynamicPropertyRegistry registry) {
        registry.add("hrm.ledger.authority.vault-public-key", () -> base64(VAULT.publicKey()));
        registry.add("hrm.ledger.authority.consent-public-key", () -> base64(CONSENT.publicKey()));
        registry.add("hrm.ledger.authority.attestation-keys." + ATTESTER_ID, () -> base64(ATTESTER.publicKey()));
        registry.add("hrm.ledger.authority.party-grace", () -> "5s");
    }

    /** The key of owner {@code ownerId}, made on first use. */
    public static P256KeyPair owner(String ownerId) {
        return OWNERS.computeIfAbsent(ownerId, id -> P256KeyPair.generate());
    }

    /** The owner's attested, proven registration as a patient. */
    public static PartyRegistered registration(String ownerId) {
        P256KeyPair key = owner(ownerId);
        Instant now = Instant.now();
        PartyRegistered draft =
                new PartyRegistered(ownerId, PartyKind.PATIENT, key.publicKey(), null, now, null, null, null);
        return draft.provenBy(key)
                .withAttestation(Attestation.issue(
                        ATTESTER, ATTESTER_ID, ownerId, Attestation.REGISTER, draft.signedBytes(), now));
    }

    /** Bytes shaped like a v2 key share: a P-256 point, then 80 random bytes. */
    public static byte[] share() {
        byte[] share = Arrays.copyOf(P256KeyPair.generate().publicKey(), 145);
        System.arraycopy(Records.bytes(80), 0, share, 65, 80);
        return share;
    }

    /** Bytes shaped like a v1 key share (records sealed before the upgrade). */
    public static byte[] v1Share() {
        byte[] share = Arrays.copyOf(P256KeyPair.generate().publicKey(), 113);
        System.arraycopy(Records.bytes(48), 0, share, 65, 48);
        return share;
    }

    /**
     * A write authority over an in-memory directory and grant store, and the directory, to register owners in, and
     * the grant store.
     */
    public static Fixture inMemory() {
        Map<String, DirectoryEntry> entries = new ConcurrentHashMap<>();
        DirectoryStore store = new DirectoryStore() {
            @Override
            public Optional<DirectoryEntry> find(String partyId) {
                return Optional.ofNullable(entries.get(partyId));
            }

            @Override
            public void save(DirectoryEntry entry) {
                entries.put(entry.partyId(), entry);
            }
        };
        DirectoryKeeper directory = new DirectoryKeeper(
                new DirectoryRules(AttestationKeys.of(Map.of(ATTESTER_ID, ATTESTER.publicKey()))), store);
        InMemoryGrants grants = new InMemoryGrants();
        WriteAuthority authority =
                new WriteAuthority(VAULT.publicKey(), directory, grants, Duration.ZERO, Clock.systemUTC());
        return new Fixture(authority, directory, grants);
    }

    /** An in-memory write authority, its directory and the grants it verified. */
    public record Fixture(WriteAuthority authority, DirectoryKeeper directory, GrantOwners grants) {
        /** Registers each owner (attested), so its signatures count. */
        public Fixture registered(String... ownerIds) {
            for (String ownerId : ownerIds) {
                directory.apply(registration(ownerId)).ifPresent(reason -> {
                    throw new IllegalStateException(reason);
                });
            }
            return this;
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Grants' owners in a map. */
    public static final class InMemoryGrants implements GrantOwners {
        private final Map<String, String> owners = new HashMap<>();

        @Override
        public void remember(Domain domain, String grantId, String ownerId) {
            owners.put(domain.id() + "/" + grantId, ownerId);
        }

        @Override
        public Optional<String> ownerOf(Domain domain, String grantId) {
            return Optional.ofNullable(owners.get(domain.id() + "/" + grantId));
        }
    }
}
