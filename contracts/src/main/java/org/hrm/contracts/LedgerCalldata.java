package org.hrm.contracts;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.jcajce.provider.digest.Keccak;

/**
 * The call input of the ledger's record batches, {@code storeBatch} and {@code storeBatchInCalldata} (both
 * {@code (bytes16[] recordIds, bytes32[] ownerPseudonyms, bytes[] payloads)}), encoded and read as plain bytes.
 *
 * <p>In the calldata layout (docs/wire-format.md, "RecordInCalldata") a record's payload is not logged: its log
 * carries the keccak256 of the payload, computed on chain, and the payload's position in {@code payloads}. A reader
 * fetches the input of the log's transaction and calls {@link #payload}, which takes {@code payloads[position]}
 * with every offset and length checked against the input's bounds, and returns it only if its keccak256 is the
 * logged digest: a node that hands over another input, or a truncated one, makes the record unreadable, never
 * misread. The ledger writer, the key vault and the sandbox's auditors share this class.
 */
public final class LedgerCalldata {
    /** The function of the calldata layout. */
    public static final String STORE_BATCH_IN_CALLDATA = "storeBatchInCalldata(bytes16[],bytes32[],bytes[])";

    /** The function of the logged layout. */
    public static final String STORE_BATCH = "storeBatch(bytes16[],bytes32[],bytes[])";

    public static final int DIGEST_BYTES = 32;
    private static final int WORD = 32;
    private static final int SELECTOR = 4;

    private LedgerCalldata() {}

    /** The four-byte selector of a function signature: the first bytes of its keccak256. */
    public static byte[] selector(String signature) {
        return Arrays.copyOf(keccak256(signature.getBytes(java.nio.charset.StandardCharsets.US_ASCII)), SELECTOR);
    }

    /** The keccak256 of the bytes: the digest a RecordInCalldata log carries of its payload. */
    public static byte[] keccak256(byte[] bytes) {
        MessageDigest keccak = new Keccak.Digest256();
        return keccak.digest(bytes);
    }

    /**
     * The input of a call {@code signature(recordIds, ownerPseudonyms, payloads)}: the selector and the three arrays
     * ABI-encoded, written straight into one array (no intermediate ABI objects).
     *
     * @param recordIds 16 bytes each
     * @param ownerPseudonyms 32 bytes each
     */
    public static byte[] encode(
            String signature, List<byte[]> recordIds, List<byte[]> ownerPseudonyms, List<byte[]> payloads) {
        int count = recordIds.size();
        if (ownerPseudonyms.size() != count || payloads.size() != count) {
            throw new IllegalArgumentException("as many pseudonyms and payloads as record ids");
        }
        long payloadWords = 0;
        for (byte[] payload : payloads) {
            payloadWords += 1 + words(payload.length);
        }
        long size = SELECTOR + 3L * WORD + 3L * WORD + 3L * count * WORD + payloadWords * WORD;
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a call of " + size + " bytes");
        }
        ByteBuffer out = ByteBuffer.allocate((int) size).put(selector(signature));
        long idsAt = 3L * WORD;
        long pseudonymsAt = idsAt + WORD + (long) count * WORD;
        long payloadsAt = pseudonymsAt + WORD + (long) count * WORD;
        putWord(out, idsAt);
        putWord(out, pseudonymsAt);
        putWord(out, payloadsAt);
        putWord(out, count);
        for (byte[] id : recordIds) {
            out.put(exactly(id, 16, "record id")).position(out.position() + 16);
        }
        putWord(out, count);
        for (byte[] pseudonym : ownerPseudonyms) {
            out.put(exactly(pseudonym, WORD, "owner pseudonym"));
        }
        putWord(out, count);
        long elementAt = (long) count * WORD;
        for (byte[] payload : payloads) {
            putWord(out, elementAt);
            elementAt += WORD + words(payload.length) * WORD;
        }
        for (byte[] payload : payloads) {
            putWord(out, payload.length);
            out.put(payload).position(out.position() + (int) (words(payload.length) * WORD - payload.length));
        }
        return out.array();
    }

    /**
     * {@code payloads[position]} of a {@code storeBatchInCalldata} input, returned only if its keccak256 is
     * {@code digest}.
     *
     * @throws InvalidEventException when the input is not such a call, is too short for what its offsets and lengths
     *     claim, has no payload at {@code position}, or the payload there does not match the digest
     */
    public static byte[] payload(byte[] input, long position, byte[] digest) {
        if (digest == null || digest.length != DIGEST_BYTES) {
            throw new InvalidEventException("a payload digest is " + DIGEST_BYTES + " bytes");
        }
        if (input == null
                || input.length < SELECTOR + 3 * WORD
                || !Arrays.equals(input, 0, SELECTOR, selector(STORE_BATCH_IN_CALLDATA), 0, SELECTOR)) {
            throw new InvalidEventException("the transaction's input is not a storeBatchInCalldata call");
        }
        long payloadsAt = SELECTOR + word(input, SELECTOR + 2L * WORD);
        long count = word(input, payloadsAt);
        if (position < 0 || position >= count) {
            throw new InvalidEventException("no payload at position " + position + " of " + count);
        }
        long elements = payloadsAt + WORD;
        long elementAt = elements + word(input, elements + position * WORD);
        long length = word(input, elementAt);
        long start = elementAt + WORD;
        if (length > input.length - start) {
            throw new InvalidEventException("payload " + position + " runs past the end of the input");
        }
        byte[] payload = Arrays.copyOfRange(input, (int) start, (int) (start + length));
        if (!MessageDigest.isEqual(keccak256(payload), digest)) {
            throw new InvalidEventException("payload " + position + " does not match its logged digest");
        }
        return payload;
    }

    /** The word at {@code at} as a non-negative offset or length that fits the input, else refused. */
    private static long word(byte[] input, long at) {
        if (at < 0 || at > input.length - WORD) {
            throw new InvalidEventException("the input ends before byte " + (at + WORD));
        }
        for (int i = 0; i < WORD - 4; i++) {
            if (input[(int) at + i] != 0) {
                throw new InvalidEventException("an offset or length at byte " + at + " larger than the input");
            }
        }
        long value = ByteBuffer.wrap(input, (int) at + WORD - 4, 4).getInt() & 0xFFFFFFFFL;
        if (value > input.length) {
            throw new InvalidEventException("an offset or length at byte " + at + " larger than the input");
        }
        return value;
    }

    private static void putWord(ByteBuffer out, long value) {
        out.position(out.position() + WORD - Long.BYTES).putLong(value);
    }

    private static byte[] exactly(byte[] value, int length, String what) {
        if (value.length != length) {
            throw new IllegalArgumentException("a " + what + " is " + length + " bytes, not " + value.length);
        }
        return value;
    }

    private static long words(long bytes) {
        return (bytes + WORD - 1) / WORD;
    }
}
