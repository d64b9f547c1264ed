package org.hrm.crypto;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 9180 base-mode open in software around an external Diffie-Hellman step: Decap of DHKEM(P-256, HKDF-SHA256)
 * (section 4.1), the key schedule (5.1) with HKDF-SHA256, and the first AEAD open (sequence number 0) with
 * AES-256-GCM. Only {@code DH(skR, pkE)} is asked of the key holder, so an HSM's private key never leaves it.
 */
final class HpkeDecapsulation {
    private static final byte[] VERSION = "HPKE-v1".getBytes(US_ASCII);
    private static final byte[] KEM_SUITE = {'K', 'E', 'M', 0x00, 0x10};
    private static final byte[] HPKE_SUITE = {'H', 'P', 'K', 'E', 0x00, 0x10, 0x00, 0x01, 0x00, 0x02};
    private static final byte MODE_BASE = 0x00;
    static final int SECRET_BYTES = 32;
    static final int KEY_BYTES = 32;
    static final int NONCE_BYTES = 12;

    /** The AEAD key and base nonce of one context; {@link #clear()} zeroes them. */
    record Context(byte[] key, byte[] baseNonce) {
        void clear() {
            Arrays.fill(key, (byte) 0);
            Arrays.fill(baseNonce, (byte) 0);
        }
    }

    private HpkeDecapsulation() {}

    /** Decap(enc, skR): the KEM shared secret, from DH(skR, pkE) and {@code enc || pkRm} as the KEM context. */
    static byte[] sharedSecret(byte[] dh, byte[] enc, byte[] recipientPublicKey) {
        byte[] eaePrk = labeledExtract(KEM_SUITE, new byte[0], "eae_prk", dh);
        try {
            byte[] kemContext = concat(enc, recipientPublicKey);
            return labeledExpand(KEM_SUITE, eaePrk, "shared_secret", kemContext, SECRET_BYTES);
        } finally {
            Arrays.fill(eaePrk, (byte) 0);
        }
    }

    /** KeySchedule(mode_base, shared_secret, info, psk = "", psk_id = ""): the AEAD key and base nonce. */
    static Context keySchedule(byte[] sharedSecret, byte[] info) {
        byte[] context = keyScheduleContext(info);
        byte[] secret = labeledExtract(HPKE_SUITE, sharedSecret, "secret", new byte[0]);
        try {
            return new Context(
                    labeledExpand(HPKE_SUITE, secret, "key", context, KEY_BYTES),
                    labeledExpand(HPKE_SUITE, secret, "base_nonce", context, NONCE_BYTES));
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** {@code mode || LabeledExtract("", "psk_id_hash", "") || LabeledExtract("", "info_hash", info)}. */
    static byte[] keyScheduleContext(byte[] info) {
        byte[] pskIdHash = labeledExtract(HPKE_SUITE, new byte[0], "psk_id_hash", new byte[0]);
        byte[] infoHash = labeledExtract(HPKE_SUITE, new byte[0], "info_hash", info);
        return concat(new byte[] {MODE_BASE}, pskIdHash, infoHash);
    }

    /** Open with sequence number 0: the nonce is the base nonce itself. */
    static byte[] open(Context context, byte[] aad, byte[] ct) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(
                Cipher.DECRYPT_MODE,
                new SecretKeySpec(context.key(), "AES"),
                new GCMParameterSpec(Hpke.TAG_BYTES * 8, context.baseNonce()));
        cipher.updateAAD(aad);
        return cipher.doFinal(ct);
    }

    private static byte[] labeledExtract(byte[] suite, byte[] salt, String label, byte[] ikm) {
        return extract(salt, concat(VERSION, suite, label.getBytes(US_ASCII), ikm));
    }

    private static byte[] labeledExpand(byte[] suite, byte[] prk, String label, byte[] info, int length) {
        byte[] labeledInfo = concat(
                new byte[] {(byte) (length >>> 8), (byte) length}, VERSION, suite, label.getBytes(US_ASCII), info);
        return expand(prk, labeledInfo, length);
    }

    private static byte[] extract(byte[] salt, byte[] ikm) {
        // RFC 5869: an empty salt is HashLen zero bytes.
        byte[] key = salt.length == 0 ? new byte[SECRET_BYTES] : salt;
        try {
            return hmac(key).doFinal(ikm);
        } finally {
            Arrays.fill(ikm, (byte) 0);
        }
    }

    private static byte[] expand(byte[] prk, byte[] info, int length) {
        Mac mac = hmac(prk);
        byte[] out = new byte[length];
        byte[] block = new byte[0];
        for (int offset = 0, counter = 1; offset < length; counter++) {
            mac.update(block);
            mac.update(info);
            mac.update((byte) counter);
            block = mac.doFinal();
            int n = Math.min(block.length, length - offset);
            System.arraycopy(block, 0, out, offset, n);
            offset += n;
        }
        Arrays.fill(block, (byte) 0);
        return out;
    }

    private static Mac hmac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int offset = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, offset, part.length);
            offset += part.length;
        }
        return out;
    }
}
