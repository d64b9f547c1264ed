package org.hrm.client.sdk;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.util.BigIntegers;
import org.hrm.contracts.events.KeyShare;

/**
 * The author's signature over a record: ECDSA P-256 with SHA-256, deterministic k (RFC 6979), encoded {@code r || s}.
 *
 * <p>The signed bytes are {@code "hrm/provenance/v1"} followed by these fields, each prefixed with its length as a
 * 4-byte big-endian integer: utf8(recordId), utf8(domain name), utf8(ownerId), SHA-256(C1), then for each share in
 * order utf8(readerId) and the share bytes.
 */
final class Provenance {
    static final int SIGNATURE_BYTES = 64;
    private static final byte[] TAG = "hrm/provenance/v1".getBytes(UTF_8);
    private static final int SCALAR_BYTES = SIGNATURE_BYTES / 2;

    private Provenance() {}

    static byte[] signedBytes(RecordIdentity identity, byte[] innerCiphertext, List<KeyShare> shares) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(TAG);
        field(out, identity.recordId().getBytes(UTF_8));
        field(out, identity.domain().name().getBytes(UTF_8));
        field(out, identity.ownerId().getBytes(UTF_8));
        field(out, InnerLayer.sha256(innerCiphertext));
        for (KeyShare share : shares) {
            field(out, share.readerId().getBytes(UTF_8));
            field(out, share.share());
        }
        return out.toByteArray();
    }

    static byte[] sign(PartyKeys author, byte[] message) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, author.signingKey());
        BigInteger[] rs = signer.generateSignature(InnerLayer.sha256(message));
        byte[] signature = new byte[SIGNATURE_BYTES];
        BigIntegers.asUnsignedByteArray(rs[0], signature, 0, SCALAR_BYTES);
        BigIntegers.asUnsignedByteArray(rs[1], signature, SCALAR_BYTES, SCALAR_BYTES);
        return signature;
    }

    static boolean verify(ECPublicKeyParameters author, byte[] message, byte[] signature) {
        if (signature == null || signature.length != SIGNATURE_BYTES) {
            return false;
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, SCALAR_BYTES));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, SCALAR_BYTES, SIGNATURE_BYTES));
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, author);
        // verifySignature rejects r or s outside [1, n-1].
        return verifier.verifySignature(InnerLayer.sha256(message), r, s);
    }

    private static void field(ByteArrayOutputStream out, byte[] value) {
        int length = value.length;
        out.write(length >>> 24);
        out.write(length >>> 16);
        out.write(length >>> 8);
        out.write(length);
        out.writeBytes(value);
    }
}
