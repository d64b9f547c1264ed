package org.hrm.contracts;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.hrm.contracts.events.RecordSealed;
import org.hrm.contracts.events.SealedShare;

/**
 * A record's ledger payload (the data of its {@code RecordStored} log, or its entry of the
 * {@code storeBatchInCalldata} call a {@code RecordInCalldata} log points to): C2, the key shares and the author's
 * signature.
 *
 * <p>Layout (big-endian): version 0x01 | u32 length, C2 | u8 count, then per share 32-byte reader
 * pseudonym, u16 length, share | u16 length, signature. Every length is checked on decode, so a
 * malformed log is reported, never half-read.
 */
public record LedgerPayload(byte[] outerCiphertext, List<SealedShare> shares, byte[] authorSignature) {
    public static final byte VERSION = 1;
    private static final int MAX_SHARES = 255;

    public LedgerPayload {
        shares = List.copyOf(shares);
        if (shares.isEmpty() || shares.size() > MAX_SHARES) {
            throw new IllegalArgumentException("a ledger payload carries 1 to 255 shares, not " + shares.size());
        }
    }

    public static LedgerPayload of(RecordSealed sealed) {
        return new LedgerPayload(sealed.outerCiphertext(), sealed.shares(), sealed.authorSignature());
    }

    public byte[] encode() {
        int size = 1 + 4 + outerCiphertext.length + 1 + 2 + authorSignature.length;
        for (SealedShare share : shares) {
            size += 32 + 2 + share.share().length;
        }
        ByteBuffer out = ByteBuffer.allocate(size).put(VERSION);
        out.putInt(outerCiphertext.length).put(outerCiphertext).put((byte) shares.size());
        for (SealedShare share : shares) {
            out.put(share.readerPseudonym()).putShort(u16(share.share().length)).put(share.share());
        }
        return out.putShort(u16(authorSignature.length)).put(authorSignature).array();
    }

    /** Decodes a log payload, or throws {@link InvalidEventException} saying why it is malformed. */
    public static LedgerPayload decode(byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            byte version = in.get();
            if (version != VERSION) {
                throw new InvalidEventException("unsupported ledger payload version " + version);
            }
            byte[] outer = take(in, in.getInt());
            int count = Byte.toUnsignedInt(in.get());
            List<SealedShare> shares = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                byte[] pseudonym = take(in, 32);
                shares.add(new SealedShare(pseudonym, take(in, Short.toUnsignedInt(in.getShort()))));
            }
            byte[] signature = take(in, Short.toUnsignedInt(in.getShort()));
            if (in.hasRemaining()) {
                throw new InvalidEventException("ledger payload has " + in.remaining() + " trailing bytes");
            }
            return new LedgerPayload(outer, shares, signature);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new InvalidEventException("malformed ledger payload: " + e.getMessage(), e);
        }
    }

    private static byte[] take(ByteBuffer in, int length) {
        if (length <= 0 || length > in.remaining()) {
            throw new IllegalArgumentException("length " + length + " with " + in.remaining() + " bytes left");
        }
        byte[] value = new byte[length];
        in.get(value);
        return value;
    }

    private static short u16(int length) {
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("field of " + length + " bytes does not fit a u16 length");
        }
        return (short) length;
    }
}
