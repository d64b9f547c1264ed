package org.hrm.client.sdk;

import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.hrm.crypto.P256;

/** The readers a new record is wrapped to, validated and in the order their shares are signed. */
final class ReaderKeys {
    private ReaderKeys() {}

    /** Owner first, then the author (if another party), then the other readers sorted by id. */
    static Map<String, byte[]> ordered(String ownerId, PartyKeyHolder author, Map<String, byte[]> readerPublicKeys) {
        Map<String, byte[]> others = new TreeMap<>(readerPublicKeys);
        byte[] authorKey = author.publicKey();
        byte[] claimedAuthorKey = others.remove(author.partyId());
        if (claimedAuthorKey != null && !MessageDigest.isEqual(claimedAuthorKey, authorKey)) {
            throw new IllegalArgumentException("reader key given for author " + author.partyId() + " is not its key");
        }
        Map<String, byte[]> ordered = new LinkedHashMap<>();
        if (!ownerId.equals(author.partyId())) {
            byte[] ownerKey = others.remove(ownerId);
            if (ownerKey == null) {
                throw new IllegalArgumentException("reader keys must include the owner " + ownerId);
            }
            ordered.put(ownerId, ownerKey);
        }
        ordered.put(author.partyId(), authorKey);
        ordered.putAll(others);
        ordered.forEach(ReaderKeys::validate);
        return ordered;
    }

    private static void validate(String readerId, byte[] publicKey) {
        PartyKeys.requirePartyId(readerId);
        try {
            P256.requirePublicKey(publicKey);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("reader " + readerId + ": " + e.getMessage());
        }
    }
}
