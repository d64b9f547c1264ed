package org.hrm.keyvault.domain;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Keyed pseudonyms for the chain: {@code HMAC-SHA256(pseudonym key v<N>, domain || 0x00 || partyId)}, 32 bytes,
 * computed where the pseudonym key lives (inside the token with PKCS#11).
 *
 * <p>Stable (the same party always gets the same pseudonym in a domain under one key version, so the chain can index
 * by it) and unlinkable across domains and without the key.
 *
 * <p>Rotation: new ledger entries name parties under the newest pseudonym key version; entries already on chain keep
 * the pseudonym they were written with (the chain is append-only), so every older version stays in custody and is
 * never destroyed. An old pseudonym stays checkable: {@link #matches} recomputes the party's pseudonym under every
 * held version and compares, and share lookups try each version newest first. The pseudonym itself carries no
 * version (the chain's format stays 32 bytes, and a version tag would tell an observer which entries predate a
 * rotation); with a handful of versions, recomputing each costs a few HMACs. Rotating limits what a leaked pseudonym
 * key exposes to the entries written before the rotation.
 */
public final class Pseudonyms {
    private final MasterKeyCustody custody;

    public Pseudonyms(MasterKeyCustody custody) {
        this.custody = custody;
    }

    /** The party's pseudonym under the newest pseudonym key version: what new ledger entries carry. */
    public byte[] of(RecordDomain domain, String partyId) {
        return under(custody.currentPseudonymVersion(), domain, partyId);
    }

    /** The newest pseudonym key version: the one new ledger entries are written under. */
    public int currentVersion() {
        return custody.currentPseudonymVersion();
    }

    /**
     * The party's pseudonym under {@code version}: what a ledger entry written under that version carries, so a
     * tombstone names the owner as the record's entry does and links no two versions on chain.
     */
    public byte[] of(int version, RecordDomain domain, String partyId) {
        return under(version, domain, partyId);
    }

    /** The party's pseudonym under every held version, newest first: where a ledger entry of any age may name them. */
    public List<byte[]> everyVersionOf(RecordDomain domain, String partyId) {
        List<byte[]> pseudonyms = new ArrayList<>();
        for (int version : custody.pseudonymVersions().descendingSet()) {
            pseudonyms.add(under(version, domain, partyId));
        }
        return pseudonyms;
    }

    /** Whether {@code pseudonym} names the party in the domain under any held version. */
    public boolean matches(RecordDomain domain, String partyId, byte[] pseudonym) {
        return everyVersionOf(domain, partyId).stream().anyMatch(p -> MessageDigest.isEqual(p, pseudonym));
    }

    private byte[] under(int version, RecordDomain domain, String partyId) {
        byte[] name = Bytes.utf8(domain.name());
        byte[] party = Bytes.utf8(partyId);
        byte[] message = new byte[name.length + 1 + party.length];
        System.arraycopy(name, 0, message, 0, name.length);
        System.arraycopy(party, 0, message, name.length + 1, party.length);
        return custody.pseudonym(version, message);
    }
}
