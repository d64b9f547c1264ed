package org.hrm.keyvault.adapter.pkcs11;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.ProviderException;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.hrm.keyvault.domain.CiphertextRejectedException;
import org.hrm.keyvault.domain.MasterKeyCustody;
import org.hrm.keyvault.domain.MasterKeyRingException;

/**
 * Master keys ({@code hrm-master-v<N>}, AES-256) and pseudonym keys ({@code hrm-pseudonym-v<N>}, HMAC-SHA256) as
 * non-extractable objects of a PKCS#11 token: generated inside it, used inside it (AES/GCM wraps with the same AAD
 * as the key file's, HMACs), destroyed inside it ({@code KeyStore.deleteEntry}). This process holds handles, never
 * key bytes.
 *
 * <p>The token is the single source of truth for every vault instance: an instance that meets a version it does not
 * know (another one rotated) lists the token's objects again; a retired version is gone for all of them at once.
 */
public final class Pkcs11Custody implements MasterKeyCustody {
    public static final String KIND = "pkcs11";
    static final String MASTER = "hrm-master-v";
    static final String PSEUDONYM = "hrm-pseudonym-v";

    private static final Pattern ALIAS = Pattern.compile("(hrm-master-v|hrm-pseudonym-v)([1-9][0-9]{0,8})");
    private static final String GCM = "AES/GCM/NoPadding";
    private static final String HMAC = "HmacSHA256";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Provider provider;
    private final KeyStore keyStore;
    private final char[] pin;
    private final SecureRandom random;
    private volatile NavigableMap<Integer, SecretKey> masterKeys = Collections.emptyNavigableMap();
    private volatile NavigableMap<Integer, SecretKey> pseudonymKeys = Collections.emptyNavigableMap();

    private Pkcs11Custody(Provider provider, KeyStore keyStore, char[] pin, SecureRandom random) {
        this.provider = provider;
        this.keyStore = keyStore;
        this.pin = pin;
        this.random = random;
    }

    /**
     * Logs in to the token and lists its keys. An empty token gets master key v1 and pseudonym key v1 generated inside
     * it only when {@code initialize} is set: a vault pointed at the wrong token must not start with fresh keys.
     */
    public static Pkcs11Custody open(Pkcs11Token token, boolean initialize, SecureRandom random) {
        Provider provider = token.provider();
        try {
            Pkcs11Custody custody =
                    new Pkcs11Custody(provider, KeyStore.getInstance("PKCS11", provider), token.pin(), random);
            custody.reload();
            if (custody.masterKeys.isEmpty() && custody.pseudonymKeys.isEmpty() && initialize) {
                custody.generate(MASTER, 1, "AES", 256);
                custody.generate(PSEUDONYM, 1, HMAC, 256);
                custody.reload();
            }
            if (custody.masterKeys.isEmpty() || custody.pseudonymKeys.isEmpty()) {
                throw new MasterKeyRingException("the PKCS#11 token of " + token.library() + " holds no "
                        + (custody.masterKeys.isEmpty() ? MASTER : PSEUDONYM) + "<N> key: set "
                        + "hrm.vault.pkcs11.initialize=true once to generate them inside the token, or point the "
                        + "vault at the token that holds them");
            }
            return custody;
        } catch (GeneralSecurityException e) {
            throw new MasterKeyRingException(
                    "cannot use the PKCS#11 token of " + token.library() + ": " + Pkcs11Token.rootMessage(e));
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public int versionForWrapping() {
        // New KEKs are rare (one per owner and domain): listing the token first costs little and never wraps under
        // a version another instance already retired.
        reload();
        return currentVersion();
    }

    @Override
    public int currentVersion() {
        return masterKeys.lastKey();
    }

    @Override
    public NavigableSet<Integer> versions() {
        return masterKeys.navigableKeySet();
    }

    @Override
    public byte[] wrap(int version, byte[] key, byte[] aad) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(GCM, provider);
            cipher.init(Cipher.ENCRYPT_MODE, masterKey(version), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            byte[] sealed = cipher.doFinal(key);
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM wrap in the token failed: " + Pkcs11Token.rootMessage(e), e);
        }
    }

    @Override
    public byte[] unwrap(int version, byte[] wrapped, byte[] aad, String rejection) {
        if (wrapped == null || wrapped.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new CiphertextRejectedException(rejection + " (too short)");
        }
        try {
            return unwrapOnce(version, wrapped, aad, rejection);
        } catch (ProviderException | TokenOperationFailed e) {
            // The handle may be stale: another instance retired the version (or the token restarted). List again.
            reload();
            return unwrapOnce(version, wrapped, aad, rejection);
        }
    }

    private byte[] unwrapOnce(int version, byte[] wrapped, byte[] aad, String rejection) {
        try {
            return decrypt(masterKey(version), wrapped, aad);
        } catch (AEADBadTagException e) {
            throw new CiphertextRejectedException(rejection);
        } catch (GeneralSecurityException e) {
            throw new TokenOperationFailed("AES-256-GCM unwrap in the token failed: " + Pkcs11Token.rootMessage(e), e);
        }
    }

    private byte[] decrypt(SecretKey key, byte[] wrapped, byte[] aad) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(GCM, provider);
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, wrapped, 0, NONCE_BYTES));
        cipher.updateAAD(aad);
        return cipher.doFinal(wrapped, NONCE_BYTES, wrapped.length - NONCE_BYTES);
    }

    @Override
    public synchronized int rotate() {
        reload();
        generate(MASTER, currentVersion() + 1, "AES", 256);
        reload();
        return 1;
    }

    @Override
    public synchronized void retire(int version) {
        reload();
        if (version >= currentVersion()) {
            throw new MasterKeyRingException("master key v" + version + " is the newest version and wraps new keys");
        }
        try {
            // Destroys the token object: no handle, session or instance can use it afterwards.
            keyStore.deleteEntry(MASTER + version);
        } catch (GeneralSecurityException e) {
            throw new MasterKeyRingException(
                    "cannot destroy " + MASTER + version + " in the token: " + Pkcs11Token.rootMessage(e));
        }
        reload();
        if (masterKeys.containsKey(version)) {
            throw new MasterKeyRingException("the token still lists " + MASTER + version + " after deleting it");
        }
    }

    @Override
    public int currentPseudonymVersion() {
        return pseudonymKeys.lastKey();
    }

    @Override
    public NavigableSet<Integer> pseudonymVersions() {
        return pseudonymKeys.navigableKeySet();
    }

    @Override
    public byte[] pseudonym(int version, byte[] message) {
        SecretKey key = pseudonymKeys.get(version);
        if (key == null) {
            reload();
            key = pseudonymKeys.get(version);
        }
        if (key == null) {
            throw new MasterKeyRingException("pseudonym key v" + version + " is not in the token");
        }
        try {
            Mac mac = Mac.getInstance(HMAC, provider);
            mac.init(key);
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 in the token failed: " + Pkcs11Token.rootMessage(e), e);
        }
    }

    @Override
    public synchronized int rotatePseudonym() {
        reload();
        int next = currentPseudonymVersion() + 1;
        generate(PSEUDONYM, next, HMAC, 256);
        reload();
        return next;
    }

    private SecretKey masterKey(int version) {
        SecretKey key = masterKeys.get(version);
        if (key == null) {
            reload();
            key = masterKeys.get(version);
        }
        if (key == null) {
            throw new MasterKeyRingException("master key v" + version + " is not in the token");
        }
        return key;
    }

    /** Generates a key inside the token as a session object and stores it as a token object under {@code alias}. */
    private void generate(String prefix, int version, String algorithm, int bits) {
        String alias = prefix + version;
        try {
            if (keyStore.containsAlias(alias)) {
                // setKeyEntry would replace it, destroying a key that may wrap or name something.
                throw new MasterKeyRingException("the token already holds " + alias);
            }
            KeyGenerator generator = KeyGenerator.getInstance(algorithm, provider);
            generator.init(bits, random);
            keyStore.setKeyEntry(alias, generator.generateKey(), null, null);
        } catch (GeneralSecurityException e) {
            throw new MasterKeyRingException(
                    "cannot generate " + alias + " in the token: " + Pkcs11Token.rootMessage(e));
        }
    }

    /** Lists the token's objects again, e.g. after another vault instance rotated or retired a version. */
    private synchronized void reload() {
        NavigableMap<Integer, SecretKey> masters = new TreeMap<>();
        NavigableMap<Integer, SecretKey> pseudonyms = new TreeMap<>();
        try {
            keyStore.load(null, pin);
            for (String alias : Collections.list(keyStore.aliases())) {
                Matcher matcher = ALIAS.matcher(alias);
                if (matcher.matches() && keyStore.isKeyEntry(alias)) {
                    SecretKey key = (SecretKey) keyStore.getKey(alias, null);
                    (matcher.group(1).equals(MASTER) ? masters : pseudonyms)
                            .put(Integer.parseInt(matcher.group(2)), key);
                }
            }
        } catch (java.io.IOException | GeneralSecurityException e) {
            throw new MasterKeyRingException("cannot list the PKCS#11 token's keys: " + Pkcs11Token.rootMessage(e));
        }
        masterKeys = Collections.unmodifiableNavigableMap(masters);
        pseudonymKeys = Collections.unmodifiableNavigableMap(pseudonyms);
    }

    /** The token refused an operation for a reason other than a wrong tag, e.g. a handle whose object is gone. */
    private static final class TokenOperationFailed extends IllegalStateException {
        TokenOperationFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Override
    public String toString() {
        return "PKCS#11 custody[master versions=" + masterKeys.keySet() + ", pseudonym versions="
                + pseudonymKeys.keySet() + "]";
    }
}
