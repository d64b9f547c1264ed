package org.hrm.keyvault;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hrm.contracts.authority.AttestationKeys;
import org.hrm.contracts.authority.DirectoryEntry;
import org.hrm.contracts.authority.DirectoryKeeper;
import org.hrm.contracts.authority.DirectoryRules;
import org.hrm.contracts.authority.DirectoryStore;
import org.hrm.contracts.authority.RequestRules;
import org.hrm.contracts.events.Attestation;
import org.hrm.contracts.events.PartyKind;
import org.hrm.contracts.events.PartyRegistered;
import org.hrm.crypto.P256KeyPair;
import org.hrm.keyvault.adapter.kafka.VaultAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The parties vault tests sign as: a gateway attestation key, an operator key, and one key per party, registered
 * (attested) in an in-memory directory.
 */
public final class TestAuthorities {
    public static final P256KeyPair ATTESTER = P256KeyPair.generate();
    public static final String ATTESTER_ID = "test-gateway";
    public static final P256KeyPair OPERATOR = P256KeyPair.generate();
    public static final String OPERATOR_ID = "test-operator";
    private static final Map<String, P256KeyPair> PARTIES = new ConcurrentHashMap<>();

    private TestAuthorities() {}

    /** The key of party {@code partyId}, made on first use. */
    public static P256KeyPair key(String partyId) {
        return PARTIES.computeIfAbsent(partyId, id -> P256KeyPair.generate());
    }

    /** The party's attested, proven registration. */
    public static PartyRegistered registration(String partyId, PartyKind kind) {
        P256KeyPair key = key(partyId);
        Instant now = Instant.now();
        PartyRegistered draft = new PartyRegistered(partyId, kind, key.publicKey(), null, now, null, null, null);
        return draft.provenBy(key)
                .withAttestation(Attestation.issue(
                        ATTESTER, ATTESTER_ID, partyId, Attestation.REGISTER, draft.signedBytes(), now));
    }

    /** Makes the vault under test trust {@link #ATTESTER} for registrations and {@link #OPERATOR} for commands. */
    public static void trust(DynamicPropertyRegistry registry) {
        registry.add(
                "hrm.vault.authority.attestation-keys." + ATTESTER_ID,
                () -> Base64.getEncoder().encodeToString(ATTESTER.publicKey()));
        registry.add(
                "hrm.vault.authority.operator-keys." + OPERATOR_ID,
                () -> Base64.getEncoder().encodeToString(OPERATOR.publicKey()));
    }

    public static AttestationKeys attesters() {
        return AttestationKeys.of(Map.of(ATTESTER_ID, ATTESTER.publicKey()));
    }

    /** A vault authority over an in-memory directory where {@code partyIds} are registered (as patients). */
    public static VaultAuthority withRegistered(String... partyIds) {
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
        DirectoryKeeper directory = new DirectoryKeeper(new DirectoryRules(attesters()), store);
        for (String partyId : partyIds) {
            directory.apply(registration(partyId, PartyKind.PATIENT)).ifPresent(reason -> {
                throw new IllegalStateException(reason);
            });
        }
        return new VaultAuthority(
                directory,
                new RequestRules(attesters()),
                Map.of(OPERATOR_ID, OPERATOR.publicKey()),
                Duration.ZERO,
                Duration.ofHours(24),
                Clock.systemUTC());
    }
}
