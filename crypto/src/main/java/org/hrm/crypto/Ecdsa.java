package org.hrm.crypto;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.util.BigIntegers;

/**
 * ECDSA on P-256 with SHA-256: deterministic k (RFC 6979), signatures of 64 bytes {@code r || s} (each a 32-byte
 * big-endian integer, IEEE P1363), the same bytes the JDK's {@code SHA256withECDSAinP1363Format} makes and accepts.
 *
 * <p>High S: {@link #sign} always makes low-S signatures ({@code s <= n/2}, replacing s by n - s), and {@link #verify}
 * accepts both. ECDSA is malleable: anyone can turn (r, s) into (r, n - s), a second valid signature over the same
 * bytes. That matters only where something is identified or deduplicated by its signature bytes; nothing here is (every
 * event is identified by ids inside its signed bytes, and a signature only ever answers "did this key sign these
 * bytes"), so refusing high S would only break signers (the JDK, Python's {@code cryptography}, WebCrypto) that do not
 * normalize. Signing low-S keeps the door open to requiring it later.
 */
public final class Ecdsa {
    public static final int SIGNATURE_BYTES = 64;
    private static final int SCALAR_BYTES = SIGNATURE_BYTES / 2;
    private static final BigInteger HALF_N = P256.N.shiftRight(1);

    private Ecdsa() {}

    /** Signs SHA-256({@code message}) with {@code key}: 64 bytes r || s, low S, deterministic (RFC 6979). */
    public static byte[] sign(P256KeyPair key, byte[] message) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, key.privateParameters());
        BigInteger[] rs = signer.generateSignature(Sha256.digest(message));
        return encodeLowS(rs[0], rs[1]);
    }

    /**
     * The low-S form of a 64-byte {@code r || s} signature made elsewhere (an HSM's {@code CKM_ECDSA} does not
     * normalize): s replaced by n - s when above n/2, so every signer here emits the same form.
     *
     * @throws IllegalArgumentException if it is not 64 bytes
     */
    public static byte[] lowS(byte[] signature) {
        if (signature == null || signature.length != SIGNATURE_BYTES) {
            throw new IllegalArgumentException("an ECDSA P-256 signature is 64 bytes r || s");
        }
        return encodeLowS(
                new BigInteger(1, Arrays.copyOfRange(signature, 0, SCALAR_BYTES)),
                new BigInteger(1, Arrays.copyOfRange(signature, SCALAR_BYTES, SIGNATURE_BYTES)));
    }

    private static byte[] encodeLowS(BigInteger r, BigInteger s) {
        BigInteger low = s.compareTo(HALF_N) > 0 ? P256.N.subtract(s) : s;
        byte[] signature = new byte[SIGNATURE_BYTES];
        BigIntegers.asUnsignedByteArray(r, signature, 0, SCALAR_BYTES);
        BigIntegers.asUnsignedByteArray(low, signature, SCALAR_BYTES, SCALAR_BYTES);
        return signature;
    }

    /**
     * Whether {@code signature} is a signature by the holder of {@code publicKey} (65-byte SEC1) over exactly
     * {@code message}. Never throws: any malformed input (null, wrong length, point not on the curve, r or s zero
     * or not below n) is simply false.
     */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey == null || message == null || signature == null || signature.length != SIGNATURE_BYTES) {
            return false;
        }
        try {
            BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, SCALAR_BYTES));
            BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, SCALAR_BYTES, SIGNATURE_BYTES));
            if (r.signum() == 0 || s.signum() == 0 || r.compareTo(P256.N) >= 0 || s.compareTo(P256.N) >= 0) {
                return false;
            }
            ECDSASigner verifier = new ECDSASigner();
            verifier.init(false, P256.publicParameters(publicKey));
            return verifier.verifySignature(Sha256.digest(message), r, s);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
