package org.hrm.contracts.authority;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hrm.contracts.events.PartyKind;

/**
 * What a directory knows of one party: its current key, since when, whether an attested registration (or a rotation
 * from one) stands behind it, and every earlier key with when and how it ended, kept so old shares and old signatures
 * stay checkable ({@link ProvenanceKeyRule}).
 *
 * @param attested false for an entry a pre-v2 store kept from an unsigned registration (first come): an attested
 *     registration replaces it
 * @param retiredKeys earlier keys, oldest first
 */
public record DirectoryEntry(
        String partyId,
        PartyKind kind,
        String institutionId,
        byte[] publicKey,
        Instant since,
        boolean attested,
        List<RetiredKey> retiredKeys) {
    public DirectoryEntry {
        if (partyId == null || kind == null || publicKey == null || since == null) {
            throw new IllegalArgumentException("a directory entry needs party id, kind, key and time");
        }
        publicKey = publicKey.clone();
        retiredKeys = retiredKeys == null ? List.of() : List.copyOf(retiredKeys);
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The earlier keys alone, oldest first (65-byte SEC1 each). */
    public List<byte[]> previousKeys() {
        return retiredKeys.stream().map(RetiredKey::publicKey).toList();
    }

    /** Whether {@code key} is the current key. */
    public boolean isCurrentKey(byte[] key) {
        return key != null && MessageDigest.isEqual(publicKey, key);
    }

    /**
     * Whether {@code key} is the current key or was one before: to refuse a rotation back to an old key, never to
     * authorize a new action (a key is often rotated because it leaked). What an old key's signature is still worth is
     * {@link ProvenanceKeyRule}'s decision.
     */
    public boolean everHeld(byte[] key) {
        return isCurrentKey(key) || retired(key).isPresent();
    }

    /** The retirement of {@code key}, if it is one of this party's earlier keys. */
    public Optional<RetiredKey> retired(byte[] key) {
        return retiredKeys.stream().filter(old -> old.is(key)).findFirst();
    }

    /** This entry with {@code newKey} current from {@code at}, the current key retired at {@code retiredAt} as ended. */
    DirectoryEntry rotatedTo(
            byte[] newKey, Instant at, boolean attestedNow, Instant retiredAt, RetiredKey.Ending ended) {
        List<RetiredKey> history = new ArrayList<>(retiredKeys);
        history.add(new RetiredKey(publicKey, retiredAt, ended));
        return new DirectoryEntry(partyId, kind, institutionId, newKey, at, attestedNow, history);
    }
}
