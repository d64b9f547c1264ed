package org.hrm.keyvault.domain;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Versioned master keys (newest wraps, every version unwraps) and versioned pseudonym keys, read from the sandbox's
 * key file or the environment, never from the database; the keys stay inside this class, which wraps, unwraps and
 * computes pseudonyms with them.
 *
 * <p>Format: one entry per line (or {@code ;}-separated), {@code v<N>=<base64 of 32 bytes>},
 * {@code pseudonym=<base64 of 32 bytes>} (pseudonym key version 1) and {@code pseudonym.v<N>=<base64>} (version N,
 * appended to rotate it); blank lines and {@code #} comments are ignored.
 *
 * <p>The ring changes only by {@link #adopt adopting} versions appended to the key file and by {@link #retire
 * retiring} old ones; readers see an immutable snapshot, so a rotation never disturbs a wrap in progress.
 */
public final class MasterKeyRing {
    private static final Pattern ENTRY_SEPARATOR = Pattern.compile("\\R|;");
    private static final Pattern VERSION = Pattern.compile("v([1-9][0-9]{0,8})");
    private static final Pattern PSEUDONYM_VERSION = Pattern.compile("pseudonym\\.v([1-9][0-9]{0,8})");
    private static final String PSEUDONYM = "pseudonym";

    private volatile NavigableMap<Integer, byte[]> versions;
    private volatile NavigableMap<Integer, byte[]> pseudonymKeys;
    private volatile Supplier<MasterKeyRing> reload;

    private MasterKeyRing(NavigableMap<Integer, byte[]> versions, NavigableMap<Integer, byte[]> pseudonymKeys) {
        this.versions = Collections.unmodifiableNavigableMap(versions);
        this.pseudonymKeys = Collections.unmodifiableNavigableMap(pseudonymKeys);
    }

    public static MasterKeyRing parse(String content) {
        return parse(content, "master key ring");
    }

    /** Parses key file content; {@code source} names where it came from in error messages. */
    public static MasterKeyRing parse(String content, String source) {
        Builder builder = new Builder();
        String[] entries = content == null ? new String[0] : ENTRY_SEPARATOR.split(content);
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            if (!entry.isEmpty() && !entry.startsWith("#")) {
                builder.add(entry, source + ", entry " + (i + 1));
            }
        }
        return builder.build(source);
    }

    /** Content for a fresh key file: master key v1 and a pseudonym key, each 32 bytes from SecureRandom. */
    public static String generateKeyFileContent() {
        SecureRandom random = new SecureRandom();
        return "# hrm key vault master keys: keep outside the database, readable only by the vault\n"
                + "v1=" + randomKey(random) + "\n"
                + PSEUDONYM + "=" + randomKey(random) + "\n";
    }

    /** The version used for new wraps: the highest one in the ring. */
    public int currentVersion() {
        return versions.lastKey();
    }

    /**
     * The version a new KEK is wrapped under: the newest in the key file, re-read first. Another instance may have
     * rotated to a version this one never saw; wrapping under an older one could outlive that version's retirement
     * and leave the KEK unreadable. New KEKs are rare (one per owner and domain), so the read costs little.
     */
    public int versionForWrapping() {
        Supplier<MasterKeyRing> source = reload;
        if (source != null) {
            adopt(source.get());
        }
        return currentVersion();
    }

    public boolean hasVersion(int version) {
        return versions.containsKey(version);
    }

    /** The versions in the ring, oldest first. */
    public NavigableSet<Integer> versions() {
        return Collections.unmodifiableNavigableSet(new TreeMap<>(versions).navigableKeySet());
    }

    /**
     * Where the ring is stored (the key file): read again when a stored key names a version this ring does not
     * hold (another vault instance rotated after the operator appended one), and before a new KEK is wrapped.
     */
    public void reloadFrom(Supplier<MasterKeyRing> source) {
        this.reload = source;
    }

    /**
     * Takes the master and pseudonym key versions of {@code stored} (the key file as it is now) that this ring lacks;
     * returns how many master key versions were added. Every version both hold must be identical: a changed key
     * would orphan what it wraps or names. The copies in {@code stored} are zeroed.
     */
    public synchronized int adopt(MasterKeyRing stored) {
        require(stored != this, "a ring cannot adopt itself");
        try {
            NavigableMap<Integer, byte[]> nextPseudonyms =
                    merged(pseudonymKeys, stored.pseudonymKeys, "pseudonym key v");
            NavigableMap<Integer, byte[]> next = merged(versions, stored.versions, "master key v");
            int added = next.size() - versions.size();
            pseudonymKeys = Collections.unmodifiableNavigableMap(nextPseudonyms);
            versions = Collections.unmodifiableNavigableMap(next);
            return added;
        } finally {
            stored.destroy();
        }
    }

    private static NavigableMap<Integer, byte[]> merged(
            NavigableMap<Integer, byte[]> held, NavigableMap<Integer, byte[]> stored, String name) {
        NavigableMap<Integer, byte[]> next = new TreeMap<>(held);
        for (Map.Entry<Integer, byte[]> entry : stored.entrySet()) {
            byte[] key = next.get(entry.getKey());
            if (key == null) {
                next.put(entry.getKey(), entry.getValue().clone());
            } else {
                require(
                        MessageDigest.isEqual(key, entry.getValue()),
                        name + entry.getKey() + " in the key file differs from the one loaded; it must never change");
            }
        }
        return next;
    }

    /**
     * Drops an old version from memory and zeroes it; nothing may still be wrapped under it. The newest version
     * cannot be retired: new KEKs are wrapped under it.
     */
    public synchronized void retire(int version) {
        require(version != currentVersion(), "master key v" + version + " is the newest version and wraps new keys");
        NavigableMap<Integer, byte[]> next = new TreeMap<>(versions);
        byte[] retired = next.remove(version);
        versions = Collections.unmodifiableNavigableMap(next);
        Bytes.zero(retired);
    }

    /** AES-256-GCM under master key {@code version}: nonce || ciphertext || tag. */
    public byte[] wrap(int version, byte[] plaintext, byte[] aad, SecureRandom random) {
        return Aes256Gcm.encrypt(key(version), plaintext, aad, random);
    }

    /** Opens what {@link #wrap} made, or throws {@link CiphertextRejectedException} with {@code rejection}. */
    public byte[] unwrap(int version, byte[] wrapped, byte[] aad, String rejection) {
        return Aes256Gcm.decrypt(key(version), wrapped, aad, rejection);
    }

    /** The newest pseudonym key version. */
    public int currentPseudonymVersion() {
        return pseudonymKeys.lastKey();
    }

    /** The pseudonym key versions held, oldest first. */
    public NavigableSet<Integer> pseudonymVersions() {
        return Collections.unmodifiableNavigableSet(new TreeMap<>(pseudonymKeys).navigableKeySet());
    }

    /** HMAC-SHA256 of {@code message} under pseudonym key {@code version}. */
    public byte[] pseudonym(int version, byte[] message) {
        byte[] key = pseudonymKeys.get(version);
        if (key == null) {
            throw new MasterKeyRingException("pseudonym key v" + version + " is not in the ring");
        }
        return Hkdf.hmac(key, message);
    }

    private byte[] key(int version) {
        byte[] key = versions.get(version);
        Supplier<MasterKeyRing> source = reload;
        if (key == null && source != null) {
            adopt(source.get());
            key = versions.get(version);
        }
        if (key == null) {
            throw new MasterKeyRingException("master key v" + version + " is not in the ring");
        }
        return key;
    }

    private void destroy() {
        versions.values().forEach(Bytes::zero);
        pseudonymKeys.values().forEach(Bytes::zero);
    }

    @Override
    public String toString() {
        return "MasterKeyRing[versions=" + versions.keySet() + ", current=v" + currentVersion()
                + ", pseudonym versions=" + pseudonymKeys.keySet() + "]";
    }

    /** Collects entries; checks each as it comes so the error names the entry. */
    private static final class Builder {
        private final NavigableMap<Integer, byte[]> versions = new TreeMap<>();
        private final NavigableMap<Integer, byte[]> pseudonyms = new TreeMap<>();

        void add(String entry, String where) {
            int eq = entry.indexOf('=');
            require(eq > 0, where + ": expected name=<base64 of 32 bytes>");
            String name = entry.substring(0, eq).strip();
            byte[] key = decodeKey(entry.substring(eq + 1).strip(), where + " (" + name + ")");
            if (name.startsWith(PSEUDONYM)) {
                int version = PSEUDONYM.equals(name) ? 1 : pseudonymVersion(name, where);
                require(pseudonyms.put(version, key) == null, where + ": duplicate pseudonym key v" + version);
            } else {
                require(versions.put(version(name, where), key) == null, where + ": duplicate version " + name);
            }
        }

        MasterKeyRing build(String source) {
            require(
                    !versions.isEmpty(),
                    source + ": no master key version (add a line v1=<base64 of 32 random bytes>)");
            require(
                    pseudonyms.containsKey(1),
                    source + ": no pseudonym key (add a line pseudonym=<base64 of 32 random bytes>)");
            return new MasterKeyRing(versions, pseudonyms);
        }
    }

    private static int version(String name, String where) {
        var matcher = VERSION.matcher(name);
        require(matcher.matches(), where + ": unknown name '" + name + "' (expected v<N> or pseudonym)");
        return Integer.parseInt(matcher.group(1));
    }

    private static int pseudonymVersion(String name, String where) {
        var matcher = PSEUDONYM_VERSION.matcher(name);
        require(matcher.matches(), where + ": unknown name '" + name + "' (expected pseudonym or pseudonym.v<N>)");
        return Integer.parseInt(matcher.group(1));
    }

    private static byte[] decodeKey(String base64, String where) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new MasterKeyRingException(where + ": not valid base64");
        }
        require(key.length == Aes256Gcm.KEY_BYTES, where + ": key must be 32 bytes, was " + key.length);
        return key;
    }

    private static String randomKey(SecureRandom random) {
        byte[] key = new byte[Aes256Gcm.KEY_BYTES];
        random.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new MasterKeyRingException(message);
        }
    }
}
