package org.hrm.keyvault.domain;

import java.util.NavigableSet;

/**
 * Port: where the vault's master keys (versioned: the newest wraps, every held version unwraps) and pseudonym keys
 * (versioned: the newest names parties in new entries, every held version recognises old ones) live and are used.
 *
 * <p>Two implementations: the sandbox's key file (keys in this process's memory) and a PKCS#11 token, where every
 * key is a non-extractable token object and every wrap, unwrap and HMAC runs inside the token. Callers see bytes
 * in and bytes out, never a key.
 */
public interface MasterKeyCustody {
    /** {@code keyfile} or {@code pkcs11}: what {@code ./hrm demo} reports as {@code masterKeyCustody}. */
    String kind();

    /** The version new wraps use: the newest held, after looking for a newer one another vault instance added. */
    int versionForWrapping();

    /** The newest version this process knows, without looking further. */
    int currentVersion();

    /** The master key versions held now, oldest first. */
    NavigableSet<Integer> versions();

    /** AES-256-GCM of {@code key} under master key {@code version} with {@code aad}: nonce || ciphertext || tag. */
    byte[] wrap(int version, byte[] key, byte[] aad);

    /**
     * The key wrapped by {@link #wrap}; throws {@link MasterKeyRingException} when the version is not held (looked
     * for once more first), {@link CiphertextRejectedException} with {@code rejection} when it does not open.
     */
    byte[] unwrap(int version, byte[] wrapped, byte[] aad, String rejection);

    /**
     * Makes a newer master key version current: the key file adopts the versions the operator appended, a token
     * generates one inside itself. Returns how many versions were added.
     */
    int rotate();

    /** Destroys master key {@code version} (never the newest): removed from the key file, or deleted from the token. */
    void retire(int version);

    /** The pseudonym key version that names parties in new ledger entries. */
    int currentPseudonymVersion();

    /** The pseudonym key versions held, oldest first; none is ever destroyed (see {@link Pseudonyms}). */
    NavigableSet<Integer> pseudonymVersions();

    /** HMAC-SHA256 of {@code message} under pseudonym key {@code version}. */
    byte[] pseudonym(int version, byte[] message);

    /** Makes a newer pseudonym key version current and returns it. */
    int rotatePseudonym();
}
