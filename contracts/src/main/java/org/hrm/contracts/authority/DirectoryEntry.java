package org.hrm.contracts.authority;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hrm.contracts.events.PartyKind;

/**
 * What a directory knows of one party: its current key, since when, whether an attested registration (or a rotation
 * from one) stands behind it, and every earlier key, kept so old shares and old signatures stay checkable.
 *
 * @param attested false for an entry from an unsigned v1 registration (first come): an attested registration replaces
 *     it
 * @param previousKeys earlier keys, oldest first (65-byte SEC1 each)
 */
public record DirectoryEntry(
        String partyId,
        PartyKind kind,
        String institutionId,
        byte[] publicKey,
        Instant since,
        boolean attested,
        List<byte[]> previousKeys) {
    public DirectoryEntry {
        if (partyId == null || kind == null || publicKey == null || since == null) {
            throw new IllegalArgumentException("a directory entry needs party id, kind, key and time");
        }
        publicKey = publicKey.clone();
        previousKeys = previousKeys == null
                ? List.of()
                : previousKeys.stream().map(byte[]::clone).toList();
    }

    /** An entry as an unsigned v1 registration made it: not attested, so an attested registration replaces it. */
    public static DirectoryEntry legacy(
            String partyId, PartyKind kind, String institutionId, byte[] publicKey, Instant registeredAt) {
        return new DirectoryEntry(partyId, kind, institutionId, publicKey, registeredAt, false, List.of());
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** Whether {@code key} is the current key. */
    public boolean isCurrentKey(byte[] key) {
        return key != null && MessageDigest.isEqual(publicKey, key);
    }

    /**
     * Whether {@code key} is the current key or was one before: to check an old record's provenance or open an old
     * share, never to authorize a new action (a key is often rotated because it leaked).
     */
    public boolean everHeld(byte[] key) {
        return isCurrentKey(key) || previousKeys.stream().anyMatch(old -> MessageDigest.isEqual(old, key));
    }

    DirectoryEntry rotatedTo(byte[] newKey, Instant at, boolean attestedNow) {
        List<byte[]> history = new ArrayList<>(previousKeys);
        history.add(publicKey);
        return new DirectoryEntry(partyId, kind, institutionId, newKey, at, attestedNow, history);
    }
}
