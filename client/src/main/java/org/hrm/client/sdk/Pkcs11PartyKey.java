package org.hrm.client.sdk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.ProviderException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import javax.crypto.KeyAgreement;
import javax.security.auth.login.LoginException;
import org.hrm.crypto.Ecdsa;
import org.hrm.crypto.Hpke;
import org.hrm.crypto.P256;

/**
 * A party's P-256 key in a PKCS#11 token (an HSM; SoftHSM2 in tests), reached through the JDK's SunPKCS11 provider
 * and found by its label. The private key is used only inside the token: ECDSA signs there ({@code
 * SHA256withECDSAinP1363Format}, made low-S here), and for HPKE only the ECDH step runs there ({@code KeyAgreement
 * "ECDH"}), Decap's KDF and the key schedule in software ({@link Hpke#open(org.hrm.crypto.P256KeyAgreement, byte[],
 * byte[], byte[], byte[])}).
 *
 * <p>{@link #open} refuses a key whose value the token would hand out: a token key must be {@code CKA_SENSITIVE}
 * (the provider then gives no encoding). Keys made with {@link Pkcs11Token#configuration()} are also not {@code
 * CKA_EXTRACTABLE}, so they cannot be wrapped out either.
 */
public final class Pkcs11PartyKey implements PartyKeyHolder {
    private final String partyId;
    private final Provider provider;
    private final PrivateKey privateKey;
    private final ECPublicKey tokenPublicKey;
    private final byte[] publicKey;

    private Pkcs11PartyKey(String partyId, Provider provider, PrivateKey privateKey, ECPublicKey tokenPublicKey) {
        this.partyId = partyId;
        this.provider = provider;
        this.privateKey = privateKey;
        this.tokenPublicKey = tokenPublicKey;
        this.publicKey = Pkcs11Keys.sec1(tokenPublicKey);
    }

    /**
     * Logs in to the token and finds the private key labelled {@code keyLabel} (with its certificate, which carries
     * the public key), checking that it is a sensitive P-256 key that signs for its public key.
     *
     * @throws IllegalStateException with the reason (never the PIN) if the token, the key or the check fails
     */
    public static Pkcs11PartyKey open(String partyId, Pkcs11Token token, String keyLabel) {
        PartyKeys.requirePartyId(partyId);
        Provider provider = token.provider();
        char[] pin = token.pin();
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS11", provider);
            keyStore.load(null, pin);
            Key key = keyStore.getKey(keyLabel, null);
            Certificate certificate = keyStore.getCertificate(keyLabel);
            if (!(key instanceof PrivateKey privateKey) || certificate == null) {
                throw new IllegalStateException("the token has no private key with a certificate labelled " + keyLabel);
            }
            Pkcs11PartyKey party = new Pkcs11PartyKey(partyId, provider, privateKey, Pkcs11Keys.p256(certificate));
            party.requireSensitiveKeyOfItsCertificate(keyLabel);
            return party;
        } catch (GeneralSecurityException | IOException | ProviderException e) {
            throw new IllegalStateException("cannot use key " + keyLabel + " in PKCS#11 token " + token.library() + ": "
                    + Pkcs11Keys.rootMessage(e));
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    @Override
    public String partyId() {
        return partyId;
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public byte[] sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format", provider);
            signature.initSign(privateKey);
            signature.update(message);
            return Ecdsa.lowS(signature.sign());
        } catch (GeneralSecurityException | ProviderException e) {
            throw new IllegalStateException("the token did not sign: " + Pkcs11Keys.rootMessage(e));
        }
    }

    @Override
    public byte[] open(byte[] info, byte[] aad, byte[] sealed) {
        return Hpke.open(this::sharedSecret, publicKey, info, aad, sealed);
    }

    /** Logs out of the token; the key stays in it. */
    @Override
    public void close() {
        if (provider instanceof AuthProvider auth) {
            try {
                auth.logout();
            } catch (LoginException e) {
                // Nothing to release beyond the session the provider closes itself.
            }
        }
    }

    /** The token's own description of the private key, e.g. "... token object, sensitive, unextractable". */
    public String describeKey() {
        return privateKey.toString();
    }

    @Override
    public String toString() {
        return "Pkcs11PartyKey[" + partyId + "]";
    }

    private byte[] sharedSecret(byte[] peerPublicKey) {
        try {
            PublicKey peer = P256.javaPublicKey(peerPublicKey);
            KeyAgreement agreement = KeyAgreement.getInstance("ECDH", provider);
            agreement.init(privateKey);
            agreement.doPhase(peer, true);
            return agreement.generateSecret();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the token did not derive: " + Pkcs11Keys.rootMessage(e));
        }
    }

    private void requireSensitiveKeyOfItsCertificate(String keyLabel) {
        if (privateKey.getEncoded() != null) {
            throw new IllegalStateException("key " + keyLabel + " is not CKA_SENSITIVE: its value can be read out of "
                    + "the token; create it with the templates of Pkcs11Token#configuration()");
        }
        byte[] probe = ("hrm/pkcs11-key-check/" + partyId).getBytes(StandardCharsets.UTF_8);
        if (!Ecdsa.verify(publicKey, probe, sign(probe))) {
            throw new IllegalStateException("key " + keyLabel + " does not sign for the public key of its certificate");
        }
    }
}
